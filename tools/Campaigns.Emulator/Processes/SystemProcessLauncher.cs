using System.Diagnostics;
using Campaigns.Emulator.Hosting;
using Campaigns.Emulator.Reporting;

namespace Campaigns.Emulator.Processes;

/// <summary>
/// Starts function processes as Lambda does: the bootstrap in LAMBDA_TASK_ROOT, a clean environment, no
/// stdin; through <paramref name="launcher"/> (e.g. qemu-aarch64) when the bootstrap is of another architecture.
/// </summary>
internal sealed class SystemProcessLauncher(EmulatorLog log, Func<FunctionLaunch, ProcessStartInfo>? launchOverride, string? launcher) : IProcessLauncher
{
    public IFunctionProcess Start(FunctionLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var info = launchOverride?.Invoke(launch) ?? DefaultStart(launch);
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // ProcessStartInfo starts from a copy of the emulator's own environment; Lambda's processes inherit nothing.
        info.Environment.Clear();
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
            process.StandardInput.Close();
            return new ChildProcess(process, launch.FunctionName, log);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    private ProcessStartInfo DefaultStart(FunctionLaunch launch)
    {
        if (launcher is null)
        {
            return new ProcessStartInfo(launch.ExecutablePath) { WorkingDirectory = launch.TaskRoot };
        }

        var info = new ProcessStartInfo(launcher) { WorkingDirectory = launch.TaskRoot };
        info.ArgumentList.Add(launch.ExecutablePath);
        return info;
    }
}
