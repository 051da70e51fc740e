using Campaigns.Bench.ListScale;

namespace Campaigns.Bench.Tests.Reports;

public sealed class ListScaleReportTests
{
    private static readonly ListScaleOptions Options = ListScaleOptions.Parse(["--dynamodb-endpoint", "http://127.0.0.1:8000"]);

    [Fact]
    public void Build_WhenTheLargestHistoryKeepsCallsAndLatency_SaysBothBoundsMet()
    {
        string report = ListScaleReport.Build([Point(0, 10.0, 1), Point(10_000, 19.9, 3)], Options, "abc123", "a machine");

        report.ShouldContain("| 10,000 | 129 | 19.9 |");
        report.ShouldContain("at most 3 DynamoDB calls (bound: 3: met), and its p50 is 1.99 x the figure at 0 (bound: 2 x: met)");
    }

    [Fact]
    public void Build_WhenTheLargestHistoryMakesMoreCallsOrIsSlower_SaysBothBoundsMissed()
    {
        string report = ListScaleReport.Build([Point(0, 10.0, 1), Point(10_000, 20.1, 4)], Options, "abc123", "a machine");

        report.ShouldContain("(bound: 3: missed), and its p50 is 2.01 x the figure at 0 (bound: 2 x: missed)");
    }

    [Fact]
    public void Refresh_ReplacesOnlyTheTextBetweenTheMarkers()
    {
        string document = $"before\n{ListScaleReport.Start}\nold table\n{ListScaleReport.End}\nafter\n";

        string refreshed = ListScaleReport.Refresh(document, "new table\n");

        refreshed.ShouldBe($"before\n{ListScaleReport.Start}\nnew table\n{ListScaleReport.End}\nafter\n");
    }

    [Fact]
    public void Refresh_WithoutMarkers_LeavesTheDocumentAlone()
    {
        ListScaleReport.Refresh("no markers here\n", "new table\n").ShouldBe("no markers here\n");
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "101")]
    [InlineData("--ended", "1,x")]
    [InlineData("--seconds", "5")]
    public void Parse_RefusesWhatTheBenchCannotRun(string option, string value)
    {
        Should.Throw<ArgumentException>(() => ListScaleOptions.Parse(["--dynamodb-endpoint", "http://127.0.0.1:8000", option, value]));
    }

    [Fact]
    public void Chart_HasABarPerHistorySizeInEachOfItsThreePanels()
    {
        string svg = ListScaleChart.Render([Point(0, 10.0, 1), Point(1_000, 12.0, 3), Point(10_000, 15.0, 3)], Options);

        svg.Split("<rect x=").Length.ShouldBe(1 + 9);
        svg.ShouldContain(">10,000</text>");
    }

    private static ListScalePoint Point(int ended, double p50, int maxCalls) =>
        new(ended, ended == 0 ? 2 : 129, 400, p50, p50 * 3, maxCalls, maxCalls, 1.5 * maxCalls, 1.5 * maxCalls);
}
