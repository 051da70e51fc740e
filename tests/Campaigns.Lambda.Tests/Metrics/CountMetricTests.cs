using Campaigns.Lambda.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Lambda.Tests.Metrics;

public sealed class CountMetricTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Count_WritesOneEmbeddedMetricFormatRecordByFunctionName_WhateverTheLevel()
    {
        var output = new StringWriter();
        var logger = new LambdaLogger(output, LogFormat.Json, LogLevel.Critical, "list_campaigns", new FakeTimeProvider(Now));

        logger.Count("Campaigns", "UnreadableItems");

        output.ToString().ShouldBe(
            "{\"_aws\":{\"Timestamp\":1740830400000,\"CloudWatchMetrics\":[{\"Namespace\":\"Campaigns\",\"Dimensions\":[[\"FunctionName\"]],"
            + "\"Metrics\":[{\"Name\":\"UnreadableItems\",\"Unit\":\"Count\"}]}]},\"FunctionName\":\"list_campaigns\",\"UnreadableItems\":1}\n");
    }
}
