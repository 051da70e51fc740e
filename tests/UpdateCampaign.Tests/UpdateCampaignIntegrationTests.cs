using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Testing;

namespace Campaigns.Functions.UpdateCampaign.Tests;

[Trait("Category", "Integration")]
public sealed class UpdateCampaignIntegrationTests : IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task Update_WhenTwentyClientsPutWithSameIfMatch_ExactlyOneWins()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        await store.TryCreateAsync(Samples.Campaign("HOT-1"), default);
        var handler = new UpdateCampaignHandler(store, TimeProvider.System, new WriteAccess(Samples.WriteScope));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => handler.HandleAsync(Requests.Put("HOT-1", Samples.Body("hot-1"), new() { ["if-match"] = "\"1\"" }), default)));

        responses.Count(r => r.StatusCode == 200).ShouldBe(1);
        responses.Count(r => r.StatusCode == 412).ShouldBe(19);
        (await store.GetAsync("HOT-1", default))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Update_AfterDelete_Returns404AndLeavesItDeleted()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        await store.TryCreateAsync(Samples.Campaign("DEAD-1"), default);
        await store.DeleteAsync(new CampaignDeletion("DEAD-1", DateTime.UtcNow, "a", null), default);
        var handler = new UpdateCampaignHandler(store, TimeProvider.System, new WriteAccess(Samples.WriteScope));

        (await handler.HandleAsync(Requests.Put("DEAD-1", Samples.Body("dead-1")), default)).StatusCode.ShouldBe(404);
        (await store.GetAsync("DEAD-1", default))!.Status.ShouldBe("DELETED");
    }
}
