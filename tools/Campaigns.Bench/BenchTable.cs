using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Campaigns.Domain.Storage;
using Campaigns.Fixtures;

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

    public async ValueTask DisposeAsync()
    {
        await _client.DeleteTableAsync(Name);
        _client.Dispose();
    }
}
