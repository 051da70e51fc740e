using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Emulator.Tests.Fakes;

namespace Campaigns.Emulator.Tests;

/// <summary><see cref="EmulatorHost.InvokeRawAsync"/>: any JSON event through the same pool as HTTP requests.</summary>
public sealed class InvokeRawTests
{
    [Theory]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event","detail":{"n":1}}""")]
    [InlineData("""[1,"two",null]""")]
    [InlineData("\"just a string\"")]
    public async Task InvokeRaw_WithAnyJsonEvent_ReachesTheFunctionAndReturnsItsResponse(string eventJson)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var result = await emulator.Host.InvokeRawAsync(FakeFunctions.Echo, eventJson);

        result.Status.ShouldBe(InvocationStatus.Success);
        (result.ErrorType, result.ErrorBody).ShouldBe((null, null));
        var echo = Echoed(result);
        JsonNode.DeepEquals(JsonNode.Parse(echo.GetProperty("event").GetRawText()), JsonNode.Parse(eventJson)).ShouldBeTrue();
        var runtime = echo.GetProperty("runtime");
        runtime.GetProperty("Lambda-Runtime-Aws-Request-Id").GetString().ShouldBe(result.RequestId);
        runtime.GetProperty("Lambda-Runtime-Trace-Id").GetString().ShouldBe(result.TraceId);
        result.TraceId.ShouldMatch("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$");
        echo.GetProperty("pid").GetInt32().ShouldBe(result.ProcessId);
        var report = emulator.Host.Reports.ShouldHaveSingleItem();
        report.ShouldSatisfyAllConditions(
            () => report.RequestId.ShouldBe(result.RequestId),
            () => report.ProcessId.ShouldBe(result.ProcessId),
            () => report.ColdStart.ShouldBeTrue(),
            () => report.Status.ShouldBe(InvocationStatus.Success));
        emulator.Log.Lines.ShouldContain(l => l.StartsWith($"REPORT RequestId: {result.RequestId}\t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeRaw_WhenFunctionPostsError_ReturnsItsErrorTypeAndBody()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var result = await emulator.Host.InvokeRawAsync(FakeFunctions.Echo, """{"queryStringParameters":{"action":"error"}}""");

        result.Status.ShouldBe(InvocationStatus.FunctionError);
        result.ErrorType.ShouldBe("Custom.Failure");
        using var body = JsonDocument.Parse(result.ErrorBody.ShouldNotBeNull());
        body.RootElement.GetProperty("errorMessage").GetString().ShouldBe("boom");
        body.RootElement.GetProperty("errorType").GetString().ShouldBe("Custom.Failure");
        result.ResponseBody.ShouldBeNull();
        emulator.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.FunctionError);
    }

    [Fact]
    public async Task InvokeRaw_ThenHttpRequest_ReusesTheWarmProcess()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var raw = await emulator.Host.InvokeRawAsync(FakeFunctions.Echo, """{"source":"test"}""");
        var http = await emulator.EchoAsync();

        http.GetProperty("pid").GetInt32().ShouldBe(raw.ProcessId);
        emulator.Processes(FakeFunctions.Echo).ShouldHaveSingleItem().ProcessId.ShouldBe(raw.ProcessId);
        emulator.Host.Reports.Select(r => r.ColdStart).ShouldBe([true, false]);
    }

    [Fact]
    public async Task InvokeRaw_WhenProcessCrashes_ReportsCrashedWithoutBodies()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var result = await emulator.Host.InvokeRawAsync(FakeFunctions.Echo, """{"queryStringParameters":{"action":"crash","code":"3"}}""");

        result.Status.ShouldBe(InvocationStatus.Crashed);
        (result.ResponseBody, result.ErrorType, result.ErrorBody).ShouldBe((null, null, null));
        emulator.Log.Text.ShouldContain($"fake: process {result.ProcessId} exited with code 3 during invocation {result.RequestId}");
    }

    [Fact]
    public async Task InvokeRaw_WhenFunctionTimesOut_ReportsTimedOut()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.FunctionTimeout = TimeSpan.FromSeconds(1));

        var result = await emulator.Host.InvokeRawAsync(FakeFunctions.Echo, """{"queryStringParameters":{"action":"sleep","seconds":"60"}}""");

        result.Status.ShouldBe(InvocationStatus.TimedOut);
        result.ResponseBody.ShouldBeNull();
        emulator.Log.Text.ShouldContain($"fake: {result.RequestId} Task timed out after 1.00 seconds");
    }

    [Fact]
    public async Task InvokeRaw_ForUnknownFunction_ThrowsWithoutStartingAProcess()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var thrown = await Should.ThrowAsync<ArgumentException>(() => emulator.Host.InvokeRawAsync("nope", "{}"));

        thrown.ParamName.ShouldBe("functionName");
        emulator.Host.GetProcesses().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"open":""")]
    [InlineData("{} {}")]
    public async Task InvokeRaw_WithInvalidJson_ThrowsWithoutStartingAProcess(string eventJson)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var thrown = await Should.ThrowAsync<ArgumentException>(() => emulator.Host.InvokeRawAsync(FakeFunctions.Echo, eventJson));

        thrown.ParamName.ShouldBe("eventJson");
        emulator.Host.GetProcesses().ShouldBeEmpty();
    }

    [Fact]
    public async Task InvokeRaw_AfterDispose_ThrowsObjectDisposed()
    {
        var emulator = await TestEmulator.StartAsync();
        await emulator.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => emulator.Host.InvokeRawAsync(FakeFunctions.Echo, "{}"));
    }

    /// <summary>The fake's echo, which it wraps as an HTTP API response: the JSON inside its "body" string.</summary>
    private static JsonElement Echoed(RawInvocationResult result)
    {
        using var response = JsonDocument.Parse(result.ResponseBody.ShouldNotBeNull());
        using var echo = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
        return echo.RootElement.Clone();
    }
}
