using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Metrics;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Lambda.Tests.Metrics;

public sealed class ResponseStatusMetricTests : IDisposable
{
    private const string Dimensions = "\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"Campaigns\",\"Dimensions\":[[\"FunctionName\",\"Version\"]],";
    private readonly StringWriter _log = new();
    private readonly RecordingEnvironment _environment = new();

    [Fact]
    public void Record_On500_WritesExactRecordByFunctionAndVersionAtError()
    {
        _environment.SetValue("AWS_LAMBDA_FUNCTION_VERSION", "8");
        var metric = Metric(LogLevel.Information, requestId: "req-1");

        metric.Record(500);

        _log.ToString().ShouldBe(
            "{\"level\":\"ERROR\",\"FunctionName\":\"campaigns-prod-get_campaign\",\"Version\":\"8\",\"Http5xx\":1,"
            + Dimensions + "\"Metrics\":[{\"Name\":\"Http5xx\",\"Unit\":\"Count\"}]}],\"Timestamp\":1749983400123},"
            + "\"statusCode\":500,\"requestId\":\"req-1\"}\n");
    }

    [Fact]
    public void Record_On404_WritesHttp4xxAtWarn()
    {
        _environment.SetValue("AWS_LAMBDA_FUNCTION_VERSION", "12");
        var metric = Metric(LogLevel.Information, requestId: "req-2");

        metric.Record(404);

        _log.ToString().ShouldBe(
            "{\"level\":\"WARN\",\"FunctionName\":\"campaigns-prod-get_campaign\",\"Version\":\"12\",\"Http4xx\":1,"
            + Dimensions + "\"Metrics\":[{\"Name\":\"Http4xx\",\"Unit\":\"Count\"}]}],\"Timestamp\":1749983400123},"
            + "\"statusCode\":404,\"requestId\":\"req-2\"}\n");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(399)]
    [InlineData(600)]
    public void Record_OnAnswerThatIsNeither4xxNor5xx_WritesNothing(int statusCode)
    {
        Metric(LogLevel.Information, requestId: "req-1").Record(statusCode);

        _log.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Record_WhenLoggerFiltersErrors_StillWritesTheRecord()
    {
        // Lambda, not the process, filters by the record's own level: a metric is never dropped here.
        Metric(LogLevel.Critical, requestId: "req-1").Record(503);

        _log.ToString().ShouldContain("\"Http5xx\":1");
    }

    [Fact]
    public void Record_WithoutVersionOrRequest_WritesLatestAndNull()
    {
        Metric(LogLevel.Information, requestId: null).Record(502);

        string line = _log.ToString();
        line.ShouldContain("\"Version\":\"$LATEST\"");
        line.ShouldEndWith("\"statusCode\":502,\"requestId\":null}\n");
    }

    [Fact]
    public void Record_EscapesTheRequestIdAndKeepsOneLine()
    {
        Metric(LogLevel.Information, requestId: "a\"b\nc").Record(500);

        string line = _log.ToString();
        line.ShouldEndWith("\"requestId\":\"a\\u0022b\\nc\"}\n");
        line.TrimEnd('\n').ShouldNotContain("\n");
    }

    [Fact]
    public void Record_ReadsTheVersionOnlyOnTheFirstError()
    {
        var metric = Metric(LogLevel.Information, requestId: "req-1");
        _environment.SetValue("AWS_LAMBDA_FUNCTION_VERSION", "3");

        metric.Record(200);
        _environment.SetValue("AWS_LAMBDA_FUNCTION_VERSION", "4");
        metric.Record(500);
        _environment.SetValue("AWS_LAMBDA_FUNCTION_VERSION", "5");
        metric.Record(500);

        _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.Contains("\"Version\":\"4\""));
    }

    public void Dispose() => _log.Dispose();

    private ResponseStatusMetric Metric(LogLevel minimumLevel, string? requestId)
    {
        var time = new FakeTimeProvider(Samples.Now);
        var logger = new LambdaLogger(_log, LogFormat.Json, minimumLevel, "campaigns-prod-get_campaign", time) { RequestId = requestId };
        return new ResponseStatusMetric("Campaigns", logger, _environment, time);
    }
}
