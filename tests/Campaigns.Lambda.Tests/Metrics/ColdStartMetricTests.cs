using System.Text.Json;
using Campaigns.Lambda.Metrics;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Metrics;

public sealed class ColdStartMetricTests
{
    private static readonly DateTimeOffset ProcessStart = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Format_WritesExactEmbeddedMetricFormatRecord()
    {
        var metric = new ColdStartMetric("Campaigns", () => ProcessStart);

        string line = metric.Format("get_campaign", "req-1", ProcessStart.AddMilliseconds(42.5), ProcessStart.AddMilliseconds(50));

        line.ShouldBe(
            "{\"_aws\":{\"Timestamp\":1740830400050,\"CloudWatchMetrics\":[{\"Namespace\":\"Campaigns\",\"Dimensions\":[[\"FunctionName\"]],"
            + "\"Metrics\":[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"},{\"Name\":\"InitDurationMs\",\"Unit\":\"Milliseconds\"}]}]},"
            + "\"FunctionName\":\"get_campaign\",\"ColdStart\":1,\"InitDurationMs\":42.5,\"requestId\":\"req-1\"}");
    }

    [Fact]
    public async Task Runtime_WithColdStartMetric_WritesItOnceAfterTheFirstResponse()
    {
        using var harness = new RuntimeHarness { ColdStart = new ColdStartMetric("Campaigns", () => RuntimeHarness.Start.AddMilliseconds(-80)) };
        harness.EnqueueInvocation("req-1");
        harness.EnqueueInvocation("req-2");

        await harness.RunAsync(RuntimeHarness.Greet);

        var records = harness.Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains("\"_aws\"", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        var record = records.ShouldHaveSingleItem();
        record.GetProperty("requestId").GetString().ShouldBe("req-1");
        record.GetProperty("FunctionName").GetString().ShouldBe(RuntimeHarness.FunctionName);
        record.GetProperty("InitDurationMs").GetDouble().ShouldBe(80);
    }

    [Fact]
    public async Task Runtime_WithColdStartMetric_ReadsProcessStartOnlyAfterTheFirstResponseIsPosted()
    {
        int postsWhenRead = -1;
        using var harness = new RuntimeHarness();
        harness.ColdStart = new ColdStartMetric("Campaigns", () =>
        {
            postsWhenRead = harness.Api.Posts.Count();
            return RuntimeHarness.Start;
        });
        harness.EnqueueInvocation("req-1");

        await harness.RunAsync(RuntimeHarness.Greet);

        postsWhenRead.ShouldBe(1);
    }

    [Fact]
    public async Task Runtime_WithoutColdStartMetric_WritesNoRecord()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");

        await harness.RunAsync(RuntimeHarness.Greet);

        harness.Log.ToString().ShouldNotContain("_aws");
    }
}
