using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Functions.GetCampaign.Tests;

[Trait("Category", "Integration")]
public sealed class GetCampaignIntegrationTests : IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task Get_FromRealTable_ReturnsStoredCampaignWithETag()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        await store.TryCreateAsync(Samples.Campaign("REAL-1", version: 1), default);
        var handler = new GetCampaignHandler(store);

        var response = await handler.HandleAsync(Requests.Get("real-1"), default);

        response.ShouldBeJson(200).GetProperty("code").GetString().ShouldBe("REAL-1");
        response.Headers!["etag"].ShouldBe("\"1\"");
    }
}
