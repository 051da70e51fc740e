using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Storage;

/// <summary>
/// What one list page costs over DynamoDB Local, measured (ReturnConsumedCapacity) rather than guessed:
/// the same whatever the number of campaigns that ended while still ACTIVE.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DynamoDbListCostTests : IAsyncLifetime
{
    private const int MaxCallsPerPage = 3;
    private static readonly DateOnly Today = new(2025, 7, 1);
    private readonly DynamoDbTestTable _table = new();
    private readonly DynamoDbCampaignStore _store;

    public DynamoDbListCostTests() => _store = new DynamoDbCampaignStore(_table.Client, _table.Name);

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    public async Task List_WhenThreeHundredEndedCampaignsPrecedeTheLiveOnes_EachPageCostsWhatItCostsWithNone(int limit)
    {
        // More live campaigns than a page, so that a page without history reads full queries of limit + 1.
        string[] live = [.. Enumerable.Range(0, (2 * limit) + 5).Select(i => $"LIVE-{i:D2}")];
        await _table.SeedAsync(live.Select(code => Samples.Campaign(code)));
        var withoutHistory = await PageThroughAsync(limit);
        await _table.SeedAsync(Enumerable.Range(0, 300).Select(i => Samples.Campaign($"ENDED-{i:D3}", toDate: Today.AddDays(-1 - (i % 30)))));

        var withHistory = await PageThroughAsync(limit);

        withoutHistory.Codes.ShouldBe(live);
        withHistory.Codes.ShouldBe(live);
        withHistory.Pages.ShouldAllBe(page => page.Calls <= MaxCallsPerPage);
        // A page reads at most MaxCallsPerPage queries of limit + 1 items, whatever the history.
        withHistory.Pages.Max(page => page.ReadUnits).ShouldBeLessThanOrEqualTo(MaxCallsPerPage * withoutHistory.Pages.Max(page => page.ReadUnits));
    }

    [Fact]
    public async Task List_WhenEndedCampaignsSitBetweenLiveOnes_PagingToTheEndYieldsEachLiveCampaignOnce()
    {
        var campaigns = Enumerable.Range(0, 120)
            .Select(i => Samples.Campaign($"C{i:D3}", toDate: i % 11 == 0 ? Today : i % 5 == 0 ? Today.AddDays(30) : Today.AddDays(-1)))
            .ToList();
        await _table.SeedAsync(campaigns);
        await _table.SeedAsync([Samples.Campaign("C999-PAUSED", CampaignStatus.Paused)]);
        string[] expected = [.. campaigns.Where(c => c.ToDate >= Today).Select(c => c.Code)];

        var run = await PageThroughAsync(limit: 2);

        run.Codes.ShouldBe(expected);
        run.Pages.ShouldAllBe(page => page.Calls <= MaxCallsPerPage && page.Items <= 2);
        run.Pages[^1].Calls.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task List_EveryQuery_IsMeteredByDynamoDb()
    {
        await _table.SeedAsync([Samples.Campaign("METERED")]);

        await _store.ListActiveAsync(Today, 10, null, default);

        _table.Metered.Queries.ShouldBeGreaterThan(0);
        _table.Metered.Unmetered.ShouldBeFalse();
        _table.Metered.ReadUnits.ShouldBeGreaterThan(0);
    }

    private async Task<PagingRun> PageThroughAsync(int limit)
    {
        var codes = new List<string>();
        var pages = new List<PageCost>();
        string? after = null;
        do
        {
            _table.Metered.Reset();
            var page = await _store.ListActiveAsync(Today, limit, after, default);
            pages.Add(new PageCost(_table.Metered.Queries, _table.Metered.ReadUnits, page.Items.Count));
            page.Items.Count.ShouldBeLessThanOrEqualTo(limit);
            codes.AddRange(page.Items.Select(c => c.Code));
            after = page.NextToken is null ? null : Decode(page.NextToken);
        }
        while (after is not null && pages.Count < 1000);

        _table.Metered.Unmetered.ShouldBeFalse();
        return new PagingRun(codes, pages);
    }

    private static string Decode(string token)
    {
        PageToken.TryDecode(token, out string code).ShouldBeTrue();
        return code;
    }

    private sealed record PageCost(int Calls, double ReadUnits, int Items);

    private sealed record PagingRun(List<string> Codes, List<PageCost> Pages);
}
