using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Lambda.Tests.Logging;

public sealed class LambdaLoggerTextTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, 7, TimeSpan.Zero);

    [Fact]
    public void Log_InTextFormat_WritesTabSeparatedColumns()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);
        logger.RequestId = "req-1";

        logger.Warn("slow query");

        output.ToString().ShouldBe("2025-03-01T12:00:00.007Z\tWARN\treq-1\tslow query\n");
    }

    [Fact]
    public void Log_InTextFormatWithoutRequestId_LeavesColumnEmpty()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        logger.Info("cold start");

        output.ToString().ShouldBe("2025-03-01T12:00:00.007Z\tINFO\t\tcold start\n");
    }

    [Fact]
    public void Log_InTextFormatWithLineBreaks_EscapesThem()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        logger.Info("first\nsecond\r\nthird");

        output.ToString().ShouldBe("2025-03-01T12:00:00.007Z\tINFO\t\tfirst\\nsecond\\r\\nthird\n");
    }

    [Fact]
    public void Error_WithExceptionInTextFormat_NamesTypeOnOneLine()
    {
        using var output = new StringWriter();
        var logger = CreateLogger(output);

        logger.Error("save failed", new InvalidOperationException("table missing"));

        var line = output.ToString();
        line.TrimEnd('\n').ShouldNotContain('\n');
        line.ShouldContain("save failed\\nSystem.InvalidOperationException: table missing");
    }

    private static LambdaLogger CreateLogger(StringWriter output) =>
        new(output, LogFormat.Text, LogLevel.Information, "campaigns-get", new FakeTimeProvider(Now));
}
