using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Bench;

/// <summary>A table of the production schema, seeded so that every benchmarked request does real work.</summary>
internal sealed class BenchTable(string endpoint, string name) : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _client = new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "eu-west-1" });

    public string Name { get; } = name;

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

    /// <summary>p50 of a warm GetItem from this process: the floor's "one DynamoDB Local round trip".</summary>
    public async Task<double> RoundTripP50Async(int count)
    {
        var request = new GetItemRequest { TableName = Name, Key = new() { ["PK"] = new AttributeValue { S = AttributeNames.PartitionKeyOf(Workload.ReadCode) }, ["SK"] = new AttributeValue { S = "METADATA" } } };
        var samples = new List<double>(count);
        for (int i = 0; i < count + 20; i++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            await _client.GetItemAsync(request);
            if (i >= 20)
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
