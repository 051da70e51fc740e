using System.Runtime.Versioning;
using Campaigns.Emulator.Processes;
using Campaigns.Emulator.Reporting;
using Campaigns.Emulator.Tests.Fakes;

namespace Campaigns.Emulator.Tests.Processes;

// The launch scripts are shell scripts made executable; the emulator runs on Linux only anyway.
[SupportedOSPlatform("linux")]
public sealed class SystemProcessLauncherTests
{
    [Fact]
    public async Task Start_WithLauncher_RunsTheLauncherWithTheBootstrapPathInTheTaskRoot()
    {
        using var dir = new TempDirectory();
        var taskRoot = Directory.CreateDirectory(dir.File("get_campaign")).FullName;
        var launcher = WriteScript(dir.File("launcher.sh"), "printf '%s|%s|%s' \"$#\" \"$1\" \"$PWD\" > \"$RECORD\"");
        var launch = new FunctionLaunch("get_campaign", taskRoot, new Dictionary<string, string> { ["RECORD"] = dir.File("record") });

        var process = new SystemProcessLauncher(new EmulatorLog(TextWriter.Null), null, launcher).Start(launch);

        (await process.Exited.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0);
        File.ReadAllText(dir.File("record")).ShouldBe($"1|{Path.Combine(taskRoot, "bootstrap")}|{taskRoot}");
    }

    [Fact]
    public async Task Start_WithoutLauncher_RunsTheBootstrapItself()
    {
        using var dir = new TempDirectory();
        var taskRoot = Directory.CreateDirectory(dir.File("get_campaign")).FullName;
        WriteScript(Path.Combine(taskRoot, "bootstrap"), "printf '%s' \"$0\" > \"$RECORD\"");
        var launch = new FunctionLaunch("get_campaign", taskRoot, new Dictionary<string, string> { ["RECORD"] = dir.File("record") });

        var process = new SystemProcessLauncher(new EmulatorLog(TextWriter.Null), null, null).Start(launch);

        (await process.Exited.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0);
        File.ReadAllText(dir.File("record")).ShouldBe(Path.Combine(taskRoot, "bootstrap"));
    }

    private static string WriteScript(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
