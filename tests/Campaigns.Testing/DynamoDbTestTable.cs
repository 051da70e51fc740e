using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Domain.Model;
using Xunit;

namespace Campaigns.Testing;

/// <summary>
/// A fresh table with the production schema (functions/table.json) on DynamoDB Local, one per test class,
/// dropped afterwards. DYNAMODB_ENDPOINT must name the server: ./build.sh test starts one and sets it.
/// </summary>
public sealed class DynamoDbTestTable : IAsyncLifetime
{
    public DynamoDbTestTable()
    {
        string endpoint = Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("DYNAMODB_ENDPOINT is not set: run integration tests through ./build.sh test, or set it to a DynamoDB Local URL.");
        Endpoint = new Uri(endpoint);
        Metered = new MeteredDynamoDbClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        Name = "campaigns-test-" + Guid.NewGuid().ToString("N")[..12];
    }

    public IAmazonDynamoDB Client => Metered;

    /// <summary>The same client, counting Queries and the read units DynamoDB reports for them.</summary>
    public MeteredDynamoDbClient Metered { get; }

    /// <summary>The DynamoDB Local server the table lives on.</summary>
    public Uri Endpoint { get; }

    public string Name { get; }

    public async Task InitializeAsync()
    {
        await Client.CreateTableAsync(TableSchema.Load(Name));
        await Client.UpdateTimeToLiveAsync(TableSchema.TimeToLive(Name));
    }

    /// <summary>The stored item of campaign <paramref name="code"/> as DynamoDB holds it (strongly consistent).</summary>
    public async Task<Dictionary<string, AttributeValue>> RawItemAsync(string code)
    {
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = Name,
            Key = new() { ["PK"] = new AttributeValue { S = "CAMPAIGN#" + code }, ["SK"] = new AttributeValue { S = "METADATA" } },
            ConsistentRead = true,
        });
        return response.Item;
    }

    /// <summary>Writes <paramref name="campaigns"/> as the store would, in batches.</summary>
    public Task SeedAsync(IEnumerable<Campaign> campaigns) => CampaignSeeder.PutAllAsync(Client, Name, campaigns);

    public async Task DisposeAsync()
    {
        await Client.DeleteTableAsync(Name);
        Client.Dispose();
    }
}
