using System.Diagnostics;

namespace Campaigns.Bench;

/// <summary>A function process started the way Lambda starts one, wired to a Runtime API slot.</summary>
internal sealed class FunctionProcess : IDisposable
{
    private readonly Process _process;

    private FunctionProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    public long StartedAt { get; }

    public static FunctionProcess Start(Variant variant, string function, BenchSlot slot, IReadOnlyDictionary<string, string> environment)
    {
        var info = variant.StartInfo(function);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        info.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot)
        {
            info.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        foreach (var (key, value) in variant.RuntimeEnvironment(environment))
        {
            info.Environment[key] = value;
        }

        info.Environment["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:" + slot.Port;
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = function;
        info.Environment["_HANDLER"] = "bootstrap";
        info.Environment["TZ"] = "UTC";

        long startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        // Drain output so a chatty function never blocks on a full pipe; its lines are not part of the measurement.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[{function}/{variant.Name}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new FunctionProcess(process, startedAt);
    }

    public bool HasExited => _process.HasExited;

    public double CpuMilliseconds() => ProcStats.CpuMilliseconds(_process.Id);

    public double PeakRssMb() => ProcStats.PeakRssMb(_process.Id);

    public long MinorFaults() => ProcStats.MinorFaults(_process.Id);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
