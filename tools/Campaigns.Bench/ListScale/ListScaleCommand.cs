using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Fixtures;

namespace Campaigns.Bench.ListScale;

/// <summary>
/// The list's scale curve: for each history size, a table of live campaigns with ended (still ACTIVE)
/// ones spread between them, paged to its end through the store the list function runs, over DynamoDB
/// Local, each Query metered (ReturnConsumedCapacity). Every run must serve exactly the live campaigns.
/// </summary>
internal static class ListScaleCommand
{
    private static readonly DateOnly Today = new(2025, 7, 1);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = ListScaleOptions.Parse(args);
        string runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var points = new List<ListScalePoint>();
        foreach (int ended in options.Ended)
        {
            points.Add(await MeasureAsync(options, ended, $"list-scale-{ended}-{runId}"));
            Console.Error.WriteLine($"list scale: {ended} ended done");
        }

        var report = ListScaleReport.Build(points, options, BenchCommand.Git("rev-parse --short HEAD"), BenchCommand.Machine());
        Directory.CreateDirectory(options.OutputDirectory);
        File.WriteAllText(Path.Combine(options.OutputDirectory, "list-scale.svg"), ListScaleChart.Render(points, options));
        string document = Path.Combine(options.OutputDirectory, "..", "performance.md");
        if (File.Exists(document))
        {
            File.WriteAllText(document, ListScaleReport.Refresh(File.ReadAllText(document), report));
        }

        Console.WriteLine(report);
        return points.All(p => p.MaxCalls <= DynamoDbCampaignStore.MaxQueriesPerPage) ? 0 : 3;
    }

    private static async Task<ListScalePoint> MeasureAsync(ListScaleOptions options, int ended, string table)
    {
        using var client = new MeteredDynamoDbClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = options.DynamoDbEndpoint, AuthenticationRegion = "eu-west-1" });
        await client.CreateTableAsync(TableSchema.Load(table));
        try
        {
            var (campaigns, live) = History(options.Live, ended);
            await CampaignSeeder.PutAllAsync(client, table, campaigns, parallelBatches: 4);
            var store = new DynamoDbCampaignStore(client, table);
            await PageToEndAsync(store, client, options.Limit, live, samples: null);
            var samples = new List<(double Ms, int Calls, double ReadUnits)>();
            int pagesToEnd = 0;
            while (samples.Count < options.MinPages)
            {
                pagesToEnd = await PageToEndAsync(store, client, options.Limit, live, samples);
            }

            var ms = samples.Select(s => s.Ms).ToList();
            return new ListScalePoint(
                ended,
                pagesToEnd,
                samples.Count,
                Stats.Percentile(ms, 50),
                Stats.Percentile(ms, 95),
                samples.Max(s => s.Calls),
                samples.Average(s => s.Calls),
                samples.Average(s => s.ReadUnits),
                samples.Max(s => s.ReadUnits));
        }
        finally
        {
            await client.DeleteTableAsync(table);
        }
    }

    // Live campaigns at even steps of the code order, the ended ones around them.
    private static (List<Campaign> All, List<string> Live) History(int liveCount, int ended)
    {
        int total = liveCount + ended;
        var liveAt = Enumerable.Range(0, liveCount).Select(i => (int)((long)i * total / liveCount)).ToHashSet();
        var all = Enumerable.Range(0, total)
            .Select(j => Samples.Campaign($"SCALE-{j:D6}", toDate: liveAt.Contains(j) ? new DateOnly(2099, 12, 31) : Today.AddDays(-1 - (j % 365))))
            .ToList();
        return (all, [.. all.Where(c => c.ToDate >= Today).Select(c => c.Code)]);
    }

    private static async Task<int> PageToEndAsync(DynamoDbCampaignStore store, MeteredDynamoDbClient client, int limit, List<string> live, List<(double, int, double)>? samples)
    {
        var served = new List<string>();
        string? after = null;
        int pages = 0;
        do
        {
            client.Reset();
            long start = Stopwatch.GetTimestamp();
            var page = await store.ListActiveAsync(Today, limit, after, CancellationToken.None);
            double ms = Stats.Milliseconds(start, Stopwatch.GetTimestamp());
            if (client.Unmetered)
            {
                throw new InvalidOperationException("DynamoDB answered a Query without its consumed capacity");
            }

            samples?.Add((ms, client.Queries, client.ReadUnits));
            served.AddRange(page.Items.Select(c => c.Code));
            after = page.NextToken is null ? null : PageToken.TryDecode(page.NextToken, out string code) ? code : throw new InvalidOperationException("the store wrote a nextToken it cannot read");
            pages++;
        }
        while (after is not null);

        return served.SequenceEqual(live) ? pages : throw new InvalidOperationException($"paging to the end served {served.Count} codes ({served.Distinct().Count()} distinct), not the {live.Count} live campaigns");
    }
}
