using Campaigns.Domain.Storage;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.ListCampaigns.Tests;

[Trait("Category", "Integration")]
public sealed class ListCampaignsIntegrationTests : IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task List_OverRealIndex_PagesThroughEveryMatchOnce()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        for (int i = 0; i < 9; i++)
        {
            await store.TryCreateAsync(Samples.Campaign($"P{i:D2}", toDate: i % 2 == 0 ? new DateOnly(2025, 12, 31) : new DateOnly(2025, 1, 1)), default);
        }

        var handler = new ListCampaignsHandler(store, new FakeTimeProvider(Samples.Now));
        var seen = new List<string>();
        string? token = null;
        do
        {
            var query = new Dictionary<string, string> { ["limit"] = "2" };
            if (token is not null)
            {
                query["nextToken"] = token;
            }

            var body = (await handler.HandleAsync(Requests.Get(query: query), default)).ShouldBeJson(200);
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("code").GetString()!));
            token = body.GetProperty("nextToken").GetString();
        }
        while (token is not null);

        seen.ShouldBe(["P00", "P02", "P04", "P06", "P08"]);
    }
}
