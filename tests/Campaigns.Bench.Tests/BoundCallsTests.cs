using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Campaigns.Bench.Bound;
using Campaigns.Bench.Tests.Fakes;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
using Campaigns.Lambda.Http;
using Campaigns.Testing;

namespace Campaigns.Bench.Tests;

/// <summary>
/// The bound is a yardstick only while it sends the very requests the functions send: each test records the
/// store's request and the bound's at the same fake endpoint, for the request the bench's workload makes.
/// </summary>
public sealed class BoundCallsTests : IAsyncLifetime
{
    private const string Table = "campaigns-bench";
    private const string Code = "BENCH-READ";
    private static readonly DateTime Now = Samples.Now.UtcDateTime;
    private RecordingDynamoDb _dynamoDb = null!;

    public async Task InitializeAsync() => _dynamoDb = await RecordingDynamoDb.StartAsync();

    public async Task DisposeAsync() => await _dynamoDb.DisposeAsync();

    [Fact]
    public async Task For_GetCampaign_SendsTheStoresGetItem()
    {
        var (store, bound) = await RecordBothAsync(
            "get_campaign", Requests.Get(Code), s => s.GetAsync(Code, CancellationToken.None));

        bound.Operation.ShouldBe("GetItem");
        RequestShape.Difference(bound, store).ShouldBeEmpty();
    }

    [Fact]
    public async Task For_ListCampaigns_SendsTheStoresIndexQuery()
    {
        var (store, bound) = await RecordBothAsync(
            "list_campaigns",
            Requests.Get(query: new() { ["limit"] = "50" }),
            s => s.ListActiveAsync(DateOnly.FromDateTime(Now), 50, null, CancellationToken.None));

        bound.Operation.ShouldBe("Query");
        RequestShape.Difference(bound, store).ShouldBeEmpty();
    }

    [Fact]
    public async Task For_CreateCampaign_SendsTheStoresPutItem()
    {
        var (store, bound) = await RecordBothAsync(
            "create_campaign", Requests.Post(Samples.Body("bc-1")), s => s.TryCreateAsync(Samples.Campaign("BC-1"), CancellationToken.None));

        bound.Operation.ShouldBe("PutItem");
        RequestShape.Difference(bound, store).ShouldBeEmpty();
    }

    [Fact]
    public async Task For_UpdateCampaign_SendsTheStoresUpdateItem()
    {
        var body = Samples.Body(Code);
        var changes = new CampaignChanges(Code, Validated(body), Now, "bench", ExpectedVersions: null);

        var (store, bound) = await RecordBothAsync(
            "update_campaign", Requests.Put(Code, body), s => s.UpdateAsync(changes, CancellationToken.None));

        bound.Operation.ShouldBe("UpdateItem");
        RequestShape.Difference(bound, store).ShouldBeEmpty();
    }

    [Fact]
    public async Task For_DeleteCampaign_SendsTheStoresUpdateItem()
    {
        var deletion = new CampaignDeletion(Code, Now, "bench", ExpectedVersions: null);

        var (store, bound) = await RecordBothAsync(
            "delete_campaign", Requests.Delete(Code), s => s.DeleteAsync(deletion, CancellationToken.None));

        bound.Operation.ShouldBe("UpdateItem");
        RequestShape.Difference(bound, store).ShouldBeEmpty();
    }

    private async Task<(RecordedCall Store, RecordedCall Bound)> RecordBothAsync(
        string function, HttpApiRequest request, Func<DynamoDbCampaignStore, Task> storeCall)
    {
        using (var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = _dynamoDb.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }))
        {
            await storeCall(new DynamoDbCampaignStore(client, Table));
        }

        using var http = new HttpClient();
        var raw = new RawDynamoDbClient(http, _dynamoDb.Endpoint, "us-east-1", "local", "local", Table);
        var (status, _) = await raw.SendAsync(BoundCalls.For(function, Table, request, "req-1", Now), CancellationToken.None);
        status.ShouldBe(200);

        _dynamoDb.Calls.Count.ShouldBe(2, "the store should make exactly one call, then the bound one");
        return (_dynamoDb.Calls[0], _dynamoDb.Calls[1]);
    }

    private static CampaignDraft Validated(System.Text.Json.Nodes.JsonObject body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        var errors = new ValidationErrors();
        return CampaignValidator.Validate(document.RootElement, Code, errors) ?? throw new InvalidOperationException("The sample body is invalid.");
    }
}
