using Campaigns.Emulator.Tests.Fakes;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Emulator.Tests.Runtime;

/// <summary>Lambda's process model, with real child processes running the python fake function.</summary>
public sealed class ProcessModelTests
{
    [Fact]
    public async Task Invoke_Twice_ColdStartsOnceThenReusesTheProcess()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var first = await emulator.EchoAsync();
        var second = await emulator.EchoAsync();

        second.GetProperty("pid").GetInt32().ShouldBe(first.GetProperty("pid").GetInt32());
        var reports = emulator.Host.Reports;
        reports.Count.ShouldBe(2);
        reports[0].ColdStart.ShouldBeTrue();
        reports[0].InitDurationMs.ShouldNotBeNull().ShouldBeGreaterThan(0);
        reports[1].ColdStart.ShouldBeFalse();
        reports[1].InitDurationMs.ShouldBeNull();
        reports.ShouldAllBe(r => r.Status == InvocationStatus.Success && r.ProcessId == first.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Invoke_PrintsReportLinesInLambdasShape()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.MemorySizeMb = 512);

        await emulator.EchoAsync();
        await emulator.EchoAsync();

        var lines = emulator.Log.Lines.Where(l => l.StartsWith("REPORT ", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(2);
        const string Common = @"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB";
        lines[0].ShouldMatch(Common + @"\tInit Duration: \d+\.\d{2} ms$");
        lines[1].ShouldMatch(Common + "$");
        lines[0].ShouldContain(emulator.Host.Reports[0].RequestId);
        // VmHWM of a python process is several MB: the peak is really read.
        emulator.Host.Reports.ShouldAllBe(r => r.MaxMemoryUsedMb > 0);
    }

    [Fact]
    public async Task Invoke_EchoesFunctionOutputPrefixedWithItsName()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var pid = (await emulator.EchoAsync()).GetProperty("pid").GetInt32();

        await Eventually.HoldsAsync(() => emulator.Log.Text.Contains("[fake] fake function stderr line", StringComparison.Ordinal), "stderr echo");
        emulator.Log.Text.ShouldContain($"[fake] fake function starting as pid {pid}");
    }

    [Fact]
    public async Task Invoke_GivesTheProcessLambdasEnvironmentAndNothingElse()
    {
        Environment.SetEnvironmentVariable("CAMPAIGNS_EMULATOR_LEAK_CHECK", "leaked");
        await using var emulator = await TestEmulator.StartAsync(o => o.LogFormat = "JSON");

        var echo = await emulator.EchoAsync();

        var environment = echo.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var taskRoot = Path.Combine(FakeFunctions.Directory, FakeFunctions.Echo);
        environment.ShouldNotContainKey("CAMPAIGNS_EMULATOR_LEAK_CHECK");
        environment["TABLE_NAME"].ShouldBe("campaigns-test");
        environment["AWS_LAMBDA_FUNCTION_NAME"].ShouldBe("fake");
        environment["AWS_LAMBDA_LOG_FORMAT"].ShouldBe("JSON");
        environment["AWS_LAMBDA_RUNTIME_API"].ShouldBe($"127.0.0.1:{emulator.Processes(FakeFunctions.Echo).Single().RuntimeApiPort}");
        environment["LAMBDA_TASK_ROOT"].ShouldBe(taskRoot);
        environment["_HANDLER"].ShouldBe("bootstrap");
        environment["TZ"].ShouldBe("UTC");
        echo.GetProperty("cwd").GetString().ShouldBe(taskRoot);
        emulator.Log.Text.ShouldContain("\"type\":\"platform.report\"");
    }

    [Fact]
    public async Task Invoke_WhenFunctionPostsError_Answers500AndKeepsTheProcess()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var failed = await emulator.GetAsync("fake/1?action=error");
        var after = await emulator.EchoAsync();

        failed.ShouldBe((500, """{"message":"Internal Server Error"}"""));
        var reports = emulator.Host.Reports;
        reports[0].Status.ShouldBe(InvocationStatus.FunctionError);
        reports[1].ColdStart.ShouldBeFalse();
        reports[1].ProcessId.ShouldBe(after.GetProperty("pid").GetInt32());
        emulator.Log.Text.ShouldContain("failed: Custom.Failure: Custom.Failure: boom");
    }

    [Fact]
    public async Task Invoke_WhenProcessCrashes_Answers500AndNextRequestColdStartsANewOne()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var firstPid = (await emulator.EchoAsync()).GetProperty("pid").GetInt32();

        var crashed = await emulator.GetAsync("fake/1?action=crash&code=3");
        var next = await emulator.EchoAsync();

        crashed.ShouldBe((500, """{"message":"Internal Server Error"}"""));
        var reports = emulator.Host.Reports;
        var crash = reports[1];
        crash.Status.ShouldBe(InvocationStatus.Crashed);
        emulator.Log.Text.ShouldContain($"fake: process {firstPid} exited with code 3 during invocation {crash.RequestId}");
        next.GetProperty("pid").GetInt32().ShouldNotBe(firstPid);
        reports[2].ColdStart.ShouldBeTrue();
        emulator.Log.Lines.Count(l => l.StartsWith("REPORT ", StringComparison.Ordinal) && l.Contains("\tInit Duration: ", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Invoke_WhenRequestsOverlap_StartsASecondProcess()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.MaxConcurrencyPerFunction = 2);
        using var scratch = new TempDirectory();
        var markers = scratch.Path;
        var query = $"action=hold&dir={Uri.EscapeDataString(markers)}";

        var first = emulator.EchoAsync(query);
        var second = emulator.EchoAsync(query);
        await Eventually.HoldsAsync(() => Directory.GetFiles(markers, "started-*").Length == 2, "both invocations to run at once");
        await File.WriteAllTextAsync(Path.Combine(markers, "release"), string.Empty);

        var pids = new[] { (await first).GetProperty("pid").GetInt32(), (await second).GetProperty("pid").GetInt32() };
        pids.Distinct().Count().ShouldBe(2);
        emulator.Host.Reports.ShouldAllBe(r => r.ColdStart);
    }

    [Fact]
    public async Task Invoke_BeyondMaxConcurrency_QueuesTheRequestForTheBusyProcess()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.MaxConcurrencyPerFunction = 1);
        using var scratch = new TempDirectory();
        var markers = scratch.Path;
        var query = $"action=hold&dir={Uri.EscapeDataString(markers)}";
        var first = emulator.EchoAsync(query);
        await Eventually.HoldsAsync(() => Directory.GetFiles(markers, "started-*").Length == 1, "the first invocation to run");

        var second = emulator.EchoAsync(query);
        await Eventually.HoldsAsync(() => emulator.Host.QueueLength(FakeFunctions.Echo) == 1, "the second request to queue");
        emulator.Processes(FakeFunctions.Echo).Count.ShouldBe(1);
        await File.WriteAllTextAsync(Path.Combine(markers, "release"), string.Empty);

        (await second).GetProperty("pid").GetInt32().ShouldBe((await first).GetProperty("pid").GetInt32());
        emulator.Host.Reports.Count(r => r.ColdStart).ShouldBe(1);
    }

    [Fact]
    public async Task Invoke_AfterIdleTimeout_ProcessIsKilledAndNextRequestColdStarts()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var idleTimeout = TimeSpan.FromMinutes(5);
        await using var emulator = await TestEmulator.StartAsync(o => o.IdleTimeout = idleTimeout, time);
        var firstPid = (await emulator.EchoAsync()).GetProperty("pid").GetInt32();
        // Idle from the moment it asks for the next event, which may come just after the response.
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).SingleOrDefault()?.State == FunctionProcessState.Idle, "the process to ask for the next event");

        time.Advance(idleTimeout - TimeSpan.FromSeconds(1));
        bool stoppedEarly = emulator.Log.Text.Contains("stopping it", StringComparison.Ordinal);
        time.Advance(idleTimeout);
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).Count == 0, "the idle process to be reaped");
        var next = await emulator.EchoAsync();

        stoppedEarly.ShouldBeFalse();
        emulator.Log.Text.ShouldContain($"fake: process {firstPid} idle for 300 s; stopping it");
        next.GetProperty("pid").GetInt32().ShouldNotBe(firstPid);
        emulator.Host.Reports[^1].ColdStart.ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_WhenFunctionTimesOut_Answers503AndKillsTheProcess()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await TestEmulator.StartAsync(o => o.FunctionTimeout = TimeSpan.FromSeconds(1), time);

        var pending = emulator.GetAsync("fake/1?action=sleep&seconds=60");
        // The function's timeout starts when the event is handed to the process, which then shows as busy.
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).SingleOrDefault()?.State == FunctionProcessState.Busy, "the invocation to start");
        time.Advance(TimeSpan.FromSeconds(1));
        var response = await pending;

        response.ShouldBe((503, """{"message":"Service Unavailable"}"""));
        var report = emulator.Host.Reports.ShouldHaveSingleItem();
        report.Status.ShouldBe(InvocationStatus.TimedOut);
        emulator.Log.Text.ShouldContain($"fake: {report.RequestId} Task timed out after 1.00 seconds");
        emulator.Log.Lines.ShouldContain(l => l.StartsWith("REPORT ", StringComparison.Ordinal) && l.EndsWith("\tStatus: timeout", StringComparison.Ordinal));
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).Count == 0, "the timed-out process to be killed");
        ProcessIsGone(report.ProcessId).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_WhenResponseIsTooLarge_FunctionSees413AndCallerGets500()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.GetAsync("fake/1?action=big&bytes=6291457");

        response.Status.ShouldBe(500);
        await Eventually.HoldsAsync(() => emulator.Log.Text.Contains("[fake] big response answered 413", StringComparison.Ordinal), "the fake's note");
        emulator.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.FunctionError);
    }

    [Fact]
    public async Task Invoke_WhenInitErrorIsPosted_Answers500AndProcessExits()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.FunctionEnvironment["FAKE_INIT"] = "error");

        var response = await emulator.GetAsync("fake/1");

        response.Status.ShouldBe(500);
        emulator.Log.Text.ShouldContain("reported an init error: Runtime.InitError: InitError: TABLE_NAME is not set");
        emulator.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.InitFailed);
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).Count == 0, "the failed process to exit");
    }

    [Fact]
    public async Task Invoke_WhenProcessExitsDuringInit_Answers500()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.FunctionEnvironment["FAKE_INIT"] = "exit");

        var response = await emulator.GetAsync("fake/1");

        response.Status.ShouldBe(500);
        emulator.Log.Text.ShouldMatch(@"fake: process \d+ exited with code 5 during init");
        emulator.Log.Text.ShouldContain("INIT_REPORT Init Duration: ");
    }

    [Fact]
    public async Task FailNextInvocationPoll_ProcessExitsAndNextRequestColdStarts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var firstPid = (await emulator.EchoAsync()).GetProperty("pid").GetInt32();

        emulator.Host.FailNextInvocationPoll(FakeFunctions.Echo);
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).Count == 0, "the process to exit after the 500");
        var next = await emulator.EchoAsync();

        emulator.Log.Text.ShouldContain("[fake] next answered 500; exiting");
        emulator.Log.Text.ShouldContain($"fake: process {firstPid} stopped (exit code 2)");
        next.GetProperty("pid").GetInt32().ShouldNotBe(firstPid);
        emulator.Host.Reports[^1].ColdStart.ShouldBeTrue();
    }

    [Fact]
    public async Task KillFunctionProcesses_MidInvocation_Answers500AndLaterRequestsStillWork()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var scratch = new TempDirectory();
        var markers = scratch.Path;
        var held = emulator.GetAsync($"fake/1?action=hold&dir={Uri.EscapeDataString(markers)}");
        await Eventually.HoldsAsync(() => Directory.GetFiles(markers, "started-*").Length == 1, "the invocation to run");

        var killed = await emulator.Host.KillFunctionProcessesAsync(FakeFunctions.Echo);

        killed.ShouldBe(1);
        (await held).Status.ShouldBe(500);
        emulator.Log.Text.ShouldMatch(@"fake: process \d+ exited with code 137 during invocation [0-9a-f-]{36}");
        (await emulator.EchoAsync()).GetProperty("pid").GetInt32().ShouldBeGreaterThan(0);
    }

    private static bool ProcessIsGone(int pid) => pid > 0 && !Directory.Exists($"/proc/{pid}");
}
