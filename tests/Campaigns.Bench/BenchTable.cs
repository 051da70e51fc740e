using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
using Campaigns.Testing;

namespace Campaigns.Bench;

/// <summary>A table of the production schema, seeded so that every benchmarked request does real work.</summary>
internal sealed class BenchTable(string endpoint, string name) : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _client = Client(endpoint, null);

    public string Name { get; } = name;

    private static AmazonDynamoDBClient Client(string endpoint, HttpClientFactory? httpClients) => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "eu-west-1", HttpClientFactory = httpClients });

    public async Task CreateAndSeedAsync(Workload workload, int deletePool)
    {
        await _client.CreateTableAsync(TableSchema.Load(Name));
        var store = new DynamoDbCampaignStore(_client, Name);
        var codes = new List<string> { Workload.ReadCode, Workload.UpdateCode };
        codes.AddRange(Enumerable.Range(0, 30).Select(i => $"BENCH-LIST-{i:D2}"));
        codes.AddRange(Enumerable.Range(0, deletePool).Select(workload.DeletePoolCode));
        foreach (var batch in codes.Chunk(16))
        {
            await Task.WhenAll(batch.Select(code => store.TryCreateAsync(Samples.Campaign(code, toDate: new DateOnly(2099, 12, 31)), default)));
        }
    }

    /// <summary>
    /// p50 of the DynamoDB call each function makes, issued warm from this process with the same store
    /// code: the "one DynamoDB Local round trip" a warm invocation cannot beat.
    /// </summary>
    public Task<Dictionary<string, double>> RoundTripP50Async(int count) => RoundTripP50Async(_client, "BR", count);

    /// <summary>The same round trips through another endpoint of this table (the TLS terminator), trusting the given CA.</summary>
    public async Task<Dictionary<string, double>> RoundTripP50Async(string otherEndpoint, string authorityPem, int count)
    {
        using var client = Client(otherEndpoint, new AuthorityHttpClientFactory(authorityPem));
        return await RoundTripP50Async(client, "BT", count);
    }

    private async Task<Dictionary<string, double>> RoundTripP50Async(AmazonDynamoDBClient client, string prefix, int count)
    {
        var store = new DynamoDbCampaignStore(client, Name);
        var today = new DateOnly(2025, 7, 1);
        var draft = new CampaignDraft(null, "rtt", 10, Samples.ProductId, "https://example.com/t", today, new DateOnly(2099, 12, 31), null);
        int n = 0;
        var codes = Enumerable.Range(0, count + Warmup).Select(i => $"{prefix}-{Name[^6..].ToUpperInvariant()}-{i}").ToList();
        var result = new Dictionary<string, double>
        {
            ["list_campaigns"] = await TimeAsync(count, () => store.ListActiveAsync(today, 50, null, default)),
            ["get_campaign"] = await TimeAsync(count, () => store.GetAsync(Workload.ReadCode, default)),
            ["create_campaign"] = await TimeAsync(count, () => store.TryCreateAsync(Samples.Campaign(codes[n++]), default)),
            ["update_campaign"] = await TimeAsync(count, () => store.UpdateAsync(new CampaignChanges(Workload.UpdateCode, draft, DateTime.UtcNow, "rtt", null), default)),
        };
        n = 0;
        result["delete_campaign"] = await TimeAsync(count, () => store.DeleteAsync(new CampaignDeletion(codes[n++], DateTime.UtcNow, "rtt", null), default));
        return result;
    }

    private const int Warmup = 20;

    private static async Task<double> TimeAsync(int count, Func<Task> call)
    {
        var samples = new List<double>(count);
        for (int i = 0; i < count + Warmup; i++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            await call();
            if (i >= Warmup)
            {
                samples.Add(Stats.Milliseconds(start, System.Diagnostics.Stopwatch.GetTimestamp()));
            }
        }

        return Stats.Percentile(samples, 50);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DeleteTableAsync(Name);
        _client.Dispose();
    }
}
