using System.Globalization;
using System.Text;
using Campaigns.Domain.Storage;

namespace Campaigns.Bench.ListScale;

/// <summary>The scale curve as a markdown section, and its place in docs/performance.md.</summary>
internal static class ListScaleReport
{
    public const string Start = "<!-- list-scale:start -->";
    public const string End = "<!-- list-scale:end -->";

    public static string Build(IReadOnlyList<ListScalePoint> points, ListScaleOptions options, string commit, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{options.Live} live campaigns, `limit={options.Limit}`, paged to the end through `DynamoDbCampaignStore` over DynamoDB Local (in memory); commit {commit}, {DateTime.UtcNow:yyyy-MM-dd}, {machine}.");
        text.AppendLine();
        text.AppendLine("| Ended campaigns | Pages to the end | p50 ms / page | p95 ms / page | DynamoDB calls / page (max, mean) | Read units / page (mean, max) | Pages timed |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Ended:N0} | {p.PagesToEnd} | {p.P50Ms:0.0} | {p.P95Ms:0.0} | {p.MaxCalls}, {p.MeanCalls:0.00} | {p.MeanReadUnits:0.00}, {p.MaxReadUnits:0.0} | {p.PagesTimed} |");
        }

        text.AppendLine();
        if (points.FirstOrDefault(p => p.Ended == 0) is { } baseline && points.MaxBy(p => p.Ended) is { Ended: > 0 } largest)
        {
            double ratio = largest.P50Ms / baseline.P50Ms;
            text.AppendLine(CultureInfo.InvariantCulture, $"At {largest.Ended:N0} ended campaigns a page makes at most {largest.MaxCalls} DynamoDB calls (bound: {DynamoDbCampaignStore.MaxQueriesPerPage}: {(largest.MaxCalls <= DynamoDbCampaignStore.MaxQueriesPerPage ? "met" : "missed")}), and its p50 is {ratio:0.00} x the figure at 0 (bound: 2 x: {(ratio <= 2 ? "met" : "missed")}).");
            text.AppendLine();
        }

        text.AppendLine("![List cost per page by number of ended campaigns](bench/list-scale.svg)");
        return text.ToString();
    }

    /// <summary>The document with the text between the markers replaced; unchanged when it has no markers.</summary>
    public static string Refresh(string document, string report)
    {
        int start = document.IndexOf(Start, StringComparison.Ordinal);
        int end = document.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start
            ? document
            : string.Concat(document.AsSpan(0, start + Start.Length), "\n" + report, document.AsSpan(end));
    }
}
