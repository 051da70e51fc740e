using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Bench.Bound;
using Campaigns.Bench.Tests.Fakes;
using Campaigns.Bench.Tests.Recording;
using Campaigns.Hosting.Json;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Runtime;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Bench.Tests;

/// <summary>
/// The bound is a yardstick only while it sends the very request the function sends: for each function, the bench's
/// own request goes through the bound to a recording endpoint, and the store's request for the same values must equal it.
/// </summary>
public sealed class BoundHandlerTests : IAsyncLifetime
{
    private const string Table = "campaigns-bench";
    private readonly FakeTimeProvider _time = new(Samples.Now);
    private static readonly HttpClient Http = new();
    private RecordingDynamoDb _dynamoDb = null!;

    public static TheoryData<string> Functions => new(StoreRequests.Functions);

    public async Task InitializeAsync() => _dynamoDb = await RecordingDynamoDb.StartAsync();

    public async Task DisposeAsync() => await _dynamoDb.DisposeAsync();

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task HandleAsync_ForTheBenchsRequest_SendsTheStoresRequestWithItsValues(string function)
    {
        var request = JsonSerializer.Deserialize(new Workload("run1").Event(function), CampaignsJsonContext.Default.HttpApiRequest)!;

        var response = await Handler(function).HandleAsync(request, Context(function), CancellationToken.None);

        response.StatusCode.ShouldBe(200);
        var sent = _dynamoDb.Calls.ShouldHaveSingleItem();
        Guid id = function == "create_campaign" ? Guid.Parse(sent.Body["Item"]!["id"]!["S"]!.GetValue<string>()) : Guid.Empty;
        string code = request.GetPathParameter("code") ?? "BB-REQ-1";
        var store = await StoreRequests.RecordAsync(function, new InvocationValues(Table, code, Samples.Now.UtcDateTime, Samples.Writer, id));
        sent.Operation.ShouldBe(store.Operation);
        sent.Body.ToJsonString().ShouldBe(store.Body.ToJsonString());
    }

    [Fact]
    public async Task HandleAsync_WhenTheCallersSubClosesItsString_SendsItAsOneValue()
    {
        const string hostile = "x\"},\":deleted\":{\"S\":\"ACTIVE";
        var request = Requests.Delete("BD-1").WithClaims(new() { ["sub"] = hostile });

        await Handler("delete_campaign").HandleAsync(request, Context("delete_campaign"), CancellationToken.None);

        var values = _dynamoDb.Calls.ShouldHaveSingleItem().Body["ExpressionAttributeValues"]!.AsObject();
        values[":v3"]!["S"]!.GetValue<string>().ShouldBe(hostile);
        values[":deleted"]!["S"]!.GetValue<string>().ShouldBe("DELETED");
    }

    [Fact]
    public async Task HandleAsync_WithoutAuthorizer_WritesAsBound()
    {
        await Handler("delete_campaign").HandleAsync(Requests.Delete("BD-1").WithoutAuthorizer(), Context("delete_campaign"), CancellationToken.None);

        var values = _dynamoDb.Calls.ShouldHaveSingleItem().Body["ExpressionAttributeValues"]!.AsObject();
        values[":v3"]!["S"]!.GetValue<string>().ShouldBe("bound");
    }

    [Fact]
    public async Task HandleAsync_WhenDynamoDbFails_Answers502WithItsBody()
    {
        await using var failing = await RecordingDynamoDb.StartAsync(status: 500);
        var handler = new BoundHandler(new RawDynamoDbClient(Http, failing.Endpoint, "us-east-1", "local", "local", Table), RecordedRequest.Load("get_campaign"), _time, Task.CompletedTask);

        var failed = await handler.HandleAsync(Requests.Get("NOT-SEEN"), Context("get_campaign"), CancellationToken.None);

        failed.StatusCode.ShouldBe(502);
    }

    private BoundHandler Handler(string function) =>
        new(new RawDynamoDbClient(Http, _dynamoDb.Endpoint, "us-east-1", "local", "local", Table), RecordedRequest.Load(function), _time, Task.CompletedTask);

    private static LambdaContext Context(string function) => new("req-1", Samples.Now.AddSeconds(30), "arn:aws:lambda:us-east-1:000000000000:function:" + function, null, function);
}
