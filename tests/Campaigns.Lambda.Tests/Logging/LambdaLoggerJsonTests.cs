using System.Text.Json;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Lambda.Tests.Logging;

public sealed class LambdaLoggerJsonTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public void Log_InJsonFormat_WritesOneObjectWithLambdaFields()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);
        logger.RequestId = "req-1";

        logger.Info("campaign created");

        var line = output.ToString();
        line.ShouldEndWith("\n");
        line.TrimEnd('\n').ShouldNotContain('\n');
        using var entry = JsonDocument.Parse(line);
        var root = entry.RootElement;
        root.GetProperty("timestamp").GetString().ShouldBe("2025-03-01T10:00:00.123Z");
        root.GetProperty("level").GetString().ShouldBe("INFO");
        root.GetProperty("message").GetString().ShouldBe("campaign created");
        root.GetProperty("requestId").GetString().ShouldBe("req-1");
        root.GetProperty("functionName").GetString().ShouldBe("campaigns-get");
    }

    [Fact]
    public void Log_InJsonFormatWithoutRequestId_OmitsRequestId()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        logger.Info("cold start");

        using var entry = JsonDocument.Parse(output.ToString());
        entry.RootElement.TryGetProperty("requestId", out _).ShouldBeFalse();
    }

    [Fact]
    public void Log_InJsonFormatWithLineBreaks_StaysOneLine()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        logger.Warn("first\nsecond\r\nthird");

        var line = output.ToString().TrimEnd('\n');
        line.ShouldNotContain('\n');
        using var entry = JsonDocument.Parse(line);
        entry.RootElement.GetProperty("message").GetString().ShouldBe("first\nsecond\r\nthird");
    }

    [Fact]
    public void Error_WithExceptionInJsonFormat_AddsErrorTypeMessageAndStackTrace()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        logger.Error("save failed", CaughtException());

        using var entry = JsonDocument.Parse(output.ToString());
        var root = entry.RootElement;
        root.GetProperty("level").GetString().ShouldBe("ERROR");
        root.GetProperty("errorType").GetString().ShouldBe("System.InvalidOperationException");
        root.GetProperty("errorMessage").GetString().ShouldBe("table missing");
        var stackTrace = root.GetProperty("stackTrace").EnumerateArray().Select(l => l.GetString()!).ToList();
        stackTrace.ShouldContain(line => line.Contains(nameof(CaughtException), StringComparison.Ordinal));
    }

    [Fact]
    public void Log_FromManyThreads_WritesOnlyWholeLines()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        Parallel.For(0, 200, i => logger.Info($"entry {i}"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(200);
        lines.Select(JsonLogEntry.Parse).Select(e => e.Message).Distinct().Count().ShouldBe(200);
    }

    private static LambdaLogger CreateLogger(StringWriter output) =>
        new(output, LogFormat.Json, LogLevel.Information, "campaigns-get", new FakeTimeProvider(Now));

    private static InvalidOperationException CaughtException()
    {
        try
        {
            throw new InvalidOperationException("table missing");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
