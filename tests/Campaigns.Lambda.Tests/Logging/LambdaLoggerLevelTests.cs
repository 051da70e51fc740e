using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Tests.Fakes;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Lambda.Tests.Logging;

public sealed class LambdaLoggerLevelTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "FATAL")]
    public void Log_AtEachLevel_UsesLambdaLevelName(LogLevel level, string expected)
    {
        using var output = new StringWriter();
        var logger = new LambdaLogger(output, LogFormat.Json, LogLevel.Trace, "f", new FakeTimeProvider(Now));

        logger.Log(level, "message");

        JsonLogEntry.Parse(output.ToString()).Level.ShouldBe(expected);
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        using var output = new StringWriter();
        var logger = new LambdaLogger(output, LogFormat.Json, LogLevel.Warning, "f", new FakeTimeProvider(Now));

        logger.Info("ignored");
        logger.Log(LogLevel.Debug, "ignored");
        logger.Warn("kept");

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
        logger.IsEnabled(LogLevel.Information).ShouldBeFalse();
        logger.IsEnabled(LogLevel.Critical).ShouldBeTrue();
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("VERBOSE", LogLevel.Information)]
    [InlineData(null, LogLevel.Information)]
    public void FromEnvironment_WithLogLevelVariable_SetsMinimumLevel(string? variable, LogLevel expected)
    {
        var environment = new RecordingEnvironment();
        environment.SetValue("AWS_LAMBDA_LOG_LEVEL", variable);

        var logger = LambdaLogger.FromEnvironment(TextWriter.Null, new FakeTimeProvider(Now), environment);

        logger.IsEnabled(expected).ShouldBeTrue();
        if (expected > LogLevel.Trace)
        {
            logger.IsEnabled(expected - 1).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("JSON", true)]
    [InlineData("Text", false)]
    [InlineData(null, false)]
    public void FromEnvironment_WithLogFormatVariable_ChoosesFormat(string? variable, bool json)
    {
        var environment = new RecordingEnvironment();
        environment.SetValue("AWS_LAMBDA_LOG_FORMAT", variable);
        environment.SetValue("AWS_LAMBDA_FUNCTION_NAME", "campaigns-get");
        using var output = new StringWriter();

        LambdaLogger.FromEnvironment(output, new FakeTimeProvider(Now), environment).Info("hello");

        output.ToString().StartsWith('{').ShouldBe(json);
        if (json)
        {
            output.ToString().ShouldContain("\"functionName\":\"campaigns-get\"");
        }
    }
}
