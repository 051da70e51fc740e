using System.ComponentModel;
using System.Diagnostics;
using Campaigns.Emulator.Reporting;

namespace Campaigns.Emulator.Processes;

/// <summary>A started OS process whose output lines are echoed with the function's name in front.</summary>
internal sealed class ChildProcess : IFunctionProcess
{
    // A grandchild that inherited the pipes could keep them open forever; the exit is reported regardless.
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(1);

    private readonly Process _process;

    public ChildProcess(Process process, string functionName, EmulatorLog log)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(log);
        _process = process;
        Id = process.Id;
        var prefix = $"[{functionName}] ";
        var stdout = EchoAsync(process.StandardOutput, prefix, log);
        var stderr = EchoAsync(process.StandardError, prefix, log);
        Exited = WaitForExitAsync(stdout, stderr);
    }

    public int Id { get; }

    public Task<int> Exited { get; }

    public void Kill()
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // It exited (and may have been disposed) between the check and the kill.
        }
    }

    public long ReadPeakMemoryKb() => Exited.IsCompleted ? 0 : ProcessMemory.ReadPeakKb(Id);

    private static async Task EchoAsync(StreamReader reader, string prefix, EmulatorLog log)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                log.Line(prefix + line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe broke with the process; nothing more to echo.
        }
    }

    private async Task<int> WaitForExitAsync(Task stdout, Task stderr)
    {
        await _process.WaitForExitAsync();
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(OutputDrainLimit));
        var exitCode = _process.ExitCode;
        _process.Dispose();
        return exitCode;
    }
}
