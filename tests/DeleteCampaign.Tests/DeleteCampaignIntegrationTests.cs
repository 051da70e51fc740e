using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Testing;

namespace Campaigns.Functions.DeleteCampaign.Tests;

[Trait("Category", "Integration")]
public sealed class DeleteCampaignIntegrationTests : IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task Delete_ThenList_NoLongerListsItButKeepsItem()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        await store.TryCreateAsync(Samples.Campaign("BYE-1"), default);
        var handler = new DeleteCampaignHandler(store, TimeProvider.System, new WriteAccess(Samples.WriteScope));

        (await handler.HandleAsync(Requests.Delete("bye-1"), default)).StatusCode.ShouldBe(204);

        (await store.ListActiveAsync(new DateOnly(2025, 7, 1), 10, null, default)).Items.ShouldBeEmpty();
        (await store.GetAsync("BYE-1", default))!.Active.ShouldBeFalse();
    }
}
