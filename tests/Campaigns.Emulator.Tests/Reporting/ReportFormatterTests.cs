using System.Text.Json;
using Campaigns.Emulator.Reporting;

namespace Campaigns.Emulator.Tests.Reporting;

public sealed class ReportFormatterTests
{
    private static readonly InvocationReport Cold = new(
        "get_campaign", "8476a536-e9f4-11e8-9739-2dfe598c3fcd", 4242, ColdStart: true, InitDurationMs: 120.5,
        DurationMs: 1.789, BilledDurationMs: 123, MemorySizeMb: 256, MaxMemoryUsedMb: 46, InvocationStatus.Success);

    [Fact]
    public void Text_ForColdStart_IsLambdasReportLineWithInitDuration()
    {
        ReportFormatter.Text(Cold, null).ShouldBe(
            "REPORT RequestId: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\tDuration: 1.79 ms\tBilled Duration: 123 ms\t"
            + "Memory Size: 256 MB\tMax Memory Used: 46 MB\tInit Duration: 120.50 ms");
    }

    [Fact]
    public void Text_ForWarmStart_OmitsInitDuration()
    {
        var warm = Cold with { ColdStart = false, InitDurationMs = null, BilledDurationMs = 2 };

        ReportFormatter.Text(warm, null).ShouldBe(
            "REPORT RequestId: 8476a536-e9f4-11e8-9739-2dfe598c3fcd\tDuration: 1.79 ms\tBilled Duration: 2 ms\t"
            + "Memory Size: 256 MB\tMax Memory Used: 46 MB");
    }

    [Fact]
    public void Text_ForTimeout_AddsTimeoutStatus()
    {
        ReportFormatter.Text(Cold with { Status = InvocationStatus.TimedOut }, "Sandbox.Timedout").ShouldEndWith("\tStatus: timeout");
    }

    [Fact]
    public void Text_ForCrash_AddsErrorStatusAndType()
    {
        ReportFormatter.Text(Cold with { Status = InvocationStatus.Crashed }, "Runtime.ExitError")
            .ShouldEndWith("\tStatus: error\tError Type: Runtime.ExitError");
    }

    [Fact]
    public void Text_ForFunctionError_HasNoStatus()
    {
        ReportFormatter.Text(Cold with { Status = InvocationStatus.FunctionError }, "Custom.Failure").ShouldNotContain("Status");
    }

    [Fact]
    public void Text_ForInitFailure_IsInitReportLine()
    {
        ReportFormatter.Text(Cold with { Status = InvocationStatus.InitFailed }, "Runtime.ExitError")
            .ShouldBe("INIT_REPORT Init Duration: 120.50 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError");
    }

    [Fact]
    public void Json_ForColdStart_IsPlatformReportRecord()
    {
        var line = ReportFormatter.Json(Cold, null, new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        root.GetProperty("time").GetString().ShouldBe("2024-05-01T12:00:00.000Z");
        root.GetProperty("type").GetString().ShouldBe("platform.report");
        var record = root.GetProperty("record");
        record.GetProperty("requestId").GetString().ShouldBe(Cold.RequestId);
        record.GetProperty("status").GetString().ShouldBe("success");
        var metrics = record.GetProperty("metrics");
        metrics.GetProperty("durationMs").GetDouble().ShouldBe(1.79);
        metrics.GetProperty("billedDurationMs").GetInt64().ShouldBe(123);
        metrics.GetProperty("memorySizeMB").GetInt32().ShouldBe(256);
        metrics.GetProperty("maxMemoryUsedMB").GetInt32().ShouldBe(46);
        metrics.GetProperty("initDurationMs").GetDouble().ShouldBe(120.5);
    }

    [Theory]
    [InlineData(0.0, null, 1)]
    [InlineData(1.01, null, 2)]
    [InlineData(2.0, null, 2)]
    [InlineData(1.2, 120.5, 122)]
    public void BilledDuration_RoundsUpAndIncludesInit(double duration, double? init, long billed)
    {
        BilledDuration.Of(duration, init).ShouldBe(billed);
    }
}
