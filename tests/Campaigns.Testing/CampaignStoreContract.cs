using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
using Shouldly;
using Xunit;

namespace Campaigns.Testing;

/// <summary>
/// What every <see cref="ICampaignStore"/> (and its <see cref="IStoreProbe"/>) must do. Runs against
/// DynamoDB Local and against the fake, which keeps the fake honest for the handler tests that use it.
/// </summary>
public abstract class CampaignStoreContract
{
    private static readonly DateOnly Today = new(2025, 7, 1);
    private static readonly DateTime Later = Samples.Now.UtcDateTime.AddHours(1);

    protected abstract ICampaignStore Store { get; }

    /// <summary>The same store, seen as a probe.</summary>
    protected abstract IStoreProbe Probe { get; }

    [Theory]
    [InlineData(StoreOperation.Get)]
    [InlineData(StoreOperation.List)]
    [InlineData(StoreOperation.Create)]
    [InlineData(StoreOperation.Update)]
    public async Task Probe_ChangesNothingAClientCanSee(StoreOperation operation)
    {
        var campaign = Samples.Campaign("PROBED", toDate: new DateOnly(2099, 12, 31));
        await Store.TryCreateAsync(campaign, default);

        await Probe.ProbeAsync(operation, default);

        (await Store.GetAsync("PROBED", default)).ShouldBeEquivalentTo(campaign);
        (await Store.ListActiveAsync(Today, 100, null, default)).Items.ShouldHaveSingleItem().ShouldBeEquivalentTo(campaign);
        (await Store.GetAsync(DynamoDbCampaignStore.ProbeCode, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Get_WhenMissing_ReturnsNull()
    {
        (await Store.GetAsync("NOPE", default)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_ThenGet_ReturnsEveryFieldUnchanged()
    {
        var campaign = Samples.Campaign("ROUND-TRIP");

        (await Store.TryCreateAsync(campaign, default)).ShouldBeTrue();

        var stored = await Store.GetAsync("ROUND-TRIP", default);
        stored.ShouldBeEquivalentTo(campaign);
    }

    [Fact]
    public async Task Create_WhenCodeExists_ReturnsFalseAndKeepsOriginal()
    {
        await Store.TryCreateAsync(Samples.Campaign("TAKEN"), default);
        var second = Samples.Campaign("TAKEN");

        (await Store.TryCreateAsync(new Campaign { Code = second.Code, Id = Guid.NewGuid(), Description = "other", DiscountPercentage = 1, ProductId = second.ProductId, TermsConditionsLink = second.TermsConditionsLink, FromDate = second.FromDate, ToDate = second.ToDate, Status = second.Status, Active = true, DateCreated = second.DateCreated, DateLastUpdated = second.DateLastUpdated, LastUpdatedBy = "x", Version = 1 }, default)).ShouldBeFalse();

        (await Store.GetAsync("TAKEN", default))!.Description.ShouldBe("Summer sale");
    }

    [Fact]
    public async Task Create_WhenCodeWasSoftDeleted_ReturnsFalse()
    {
        await Store.TryCreateAsync(Samples.Campaign("GONE"), default);
        await Store.DeleteAsync(new CampaignDeletion("GONE", Later, "admin", null), default);

        (await Store.TryCreateAsync(Samples.Campaign("GONE"), default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Update_WhenLive_ReplacesFieldsKeepsIdentityAndBumpsVersion()
    {
        var original = Samples.Campaign("EDIT-ME");
        await Store.TryCreateAsync(original, default);
        var draft = Draft(status: null) with { Description = "Changed", DiscountPercentage = 33.33m };

        var outcome = await Store.UpdateAsync(new CampaignChanges("EDIT-ME", draft, Later, "editor@example.com", null), default);

        outcome.Status.ShouldBe(WriteStatus.Succeeded);
        var updated = outcome.Campaign!;
        updated.Description.ShouldBe("Changed");
        updated.DiscountPercentage.ShouldBe(33.33m);
        updated.Status.ShouldBe(CampaignStatus.Active);
        updated.Id.ShouldBe(original.Id);
        updated.DateCreated.ShouldBe(original.DateCreated);
        updated.DateLastUpdated.ShouldBe(Later);
        updated.LastUpdatedBy.ShouldBe("editor@example.com");
        updated.Version.ShouldBe(2);
        (await Store.GetAsync("EDIT-ME", default)).ShouldBeEquivalentTo(updated);
    }

    [Fact]
    public async Task Update_WithStatus_MovesCampaignOutOfActiveList()
    {
        await Store.TryCreateAsync(Samples.Campaign("PAUSE-ME"), default);

        var outcome = await Store.UpdateAsync(new CampaignChanges("PAUSE-ME", Draft(CampaignStatus.Paused), Later, "a", null), default);

        outcome.Campaign!.Status.ShouldBe(CampaignStatus.Paused);
        (await Store.ListActiveAsync(Today, 10, null, default)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_WhenMissing_ReturnsNotFound()
    {
        var outcome = await Store.UpdateAsync(new CampaignChanges("MISSING", Draft(null), Later, "a", null), default);

        outcome.Status.ShouldBe(WriteStatus.NotFound);
    }

    [Fact]
    public async Task Update_WhenDeleted_ReturnsNotFoundAndDoesNotResurrect()
    {
        await Store.TryCreateAsync(Samples.Campaign("DEAD"), default);
        await Store.DeleteAsync(new CampaignDeletion("DEAD", Later, "a", null), default);

        var outcome = await Store.UpdateAsync(new CampaignChanges("DEAD", Draft(CampaignStatus.Active), Later, "a", null), default);

        outcome.Status.ShouldBe(WriteStatus.NotFound);
        (await Store.GetAsync("DEAD", default))!.Status.ShouldBe(CampaignStatus.Deleted);
    }

    [Theory]
    [InlineData(new long[] { 2 })]
    [InlineData(new long[] { })]
    public async Task Update_WhenExpectedVersionDiffers_ReturnsVersionMismatchAndWritesNothing(long[] expected)
    {
        await Store.TryCreateAsync(Samples.Campaign("RACE"), default);

        var outcome = await Store.UpdateAsync(new CampaignChanges("RACE", Draft(null) with { Description = "lost" }, Later, "a", expected), default);

        outcome.Status.ShouldBe(WriteStatus.VersionMismatch);
        (await Store.GetAsync("RACE", default))!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Update_WithTheVersionReadBeforeAnotherWrite_ReturnsVersionMismatchAndKeepsTheOtherWrite()
    {
        await Store.TryCreateAsync(Samples.Campaign("STALE"), default);
        await Store.UpdateAsync(new CampaignChanges("STALE", Draft(null) with { Description = "first writer" }, Later, "a", [1]), default);

        var outcome = await Store.UpdateAsync(new CampaignChanges("STALE", Draft(null) with { Description = "second writer" }, Later, "b", [1]), default);

        outcome.Status.ShouldBe(WriteStatus.VersionMismatch);
        var stored = await Store.GetAsync("STALE", default);
        stored!.Description.ShouldBe("first writer");
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Update_WithoutExpectedVersion_LastWriterWins()
    {
        // The documented race without If-Match: both writers read version 1; the first change is lost.
        await Store.TryCreateAsync(Samples.Campaign("LWW"), default);
        await Store.UpdateAsync(new CampaignChanges("LWW", Draft(null) with { Description = "first writer" }, Later, "a", null), default);

        var outcome = await Store.UpdateAsync(new CampaignChanges("LWW", Draft(null) with { Description = "second writer" }, Later, "b", null), default);

        outcome.Status.ShouldBe(WriteStatus.Succeeded);
        var stored = await Store.GetAsync("LWW", default);
        stored!.Description.ShouldBe("second writer");
        stored.Version.ShouldBe(3);
    }

    [Fact]
    public async Task Update_WhenExpectedVersionListed_Succeeds()
    {
        await Store.TryCreateAsync(Samples.Campaign("MATCH"), default);

        var outcome = await Store.UpdateAsync(new CampaignChanges("MATCH", Draft(null), Later, "a", [7, 1]), default);

        outcome.Status.ShouldBe(WriteStatus.Succeeded);
    }

    [Fact]
    public async Task Delete_WhenLive_MarksDeletedInactiveAndBumpsVersion()
    {
        await Store.TryCreateAsync(Samples.Campaign("BYE"), default);

        var outcome = await Store.DeleteAsync(new CampaignDeletion("BYE", Later, "admin@example.com", [1]), default);

        outcome.Status.ShouldBe(WriteStatus.Succeeded);
        var stored = await Store.GetAsync("BYE", default);
        stored!.Status.ShouldBe(CampaignStatus.Deleted);
        stored.Active.ShouldBeFalse();
        stored.Version.ShouldBe(2);
        stored.LastUpdatedBy.ShouldBe("admin@example.com");
        stored.DateLastUpdated.ShouldBe(Later);
    }

    [Fact]
    public async Task Delete_Twice_ReturnsNotFound()
    {
        await Store.TryCreateAsync(Samples.Campaign("TWICE"), default);
        await Store.DeleteAsync(new CampaignDeletion("TWICE", Later, "a", null), default);

        (await Store.DeleteAsync(new CampaignDeletion("TWICE", Later, "a", null), default)).Status.ShouldBe(WriteStatus.NotFound);
    }

    [Fact]
    public async Task Delete_WhenExpectedVersionDiffers_ReturnsVersionMismatch()
    {
        await Store.TryCreateAsync(Samples.Campaign("KEEP"), default);

        (await Store.DeleteAsync(new CampaignDeletion("KEEP", Later, "a", [5]), default)).Status.ShouldBe(WriteStatus.VersionMismatch);
        (await Store.GetAsync("KEEP", default))!.Status.ShouldBe(CampaignStatus.Active);
    }

    [Fact]
    public async Task List_ReturnsOnlyActiveCampaignsNotEnded_OrderedByCode()
    {
        await Store.TryCreateAsync(Samples.Campaign("CCC"), default);
        await Store.TryCreateAsync(Samples.Campaign("AAA"), default);
        await Store.TryCreateAsync(Samples.Campaign("ENDS-TODAY", toDate: Today), default);
        await Store.TryCreateAsync(Samples.Campaign("ENDED", toDate: Today.AddDays(-1)), default);
        await Store.TryCreateAsync(Samples.Campaign("DRAFTY", CampaignStatus.Draft), default);
        await Store.TryCreateAsync(Samples.Campaign("PAUSED", CampaignStatus.Paused), default);
        await Store.TryCreateAsync(Samples.Campaign("DELETED-ONE"), default);
        await Store.DeleteAsync(new CampaignDeletion("DELETED-ONE", Later, "a", null), default);

        var page = await Store.ListActiveAsync(Today, 50, null, default);

        page.Items.Select(c => c.Code).ShouldBe(["AAA", "CCC", "ENDS-TODAY"]);
        page.NextToken.ShouldBeNull();
    }

    [Fact]
    public async Task List_FollowingNextToken_YieldsEveryMatchExactlyOnce()
    {
        var expected = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            string code = $"C{i:D2}";
            bool matches = i % 3 != 0;
            await Store.TryCreateAsync(Samples.Campaign(code, toDate: matches ? Today : Today.AddDays(-1)), default);
            if (matches)
            {
                expected.Add(code);
            }
        }

        var seen = new List<string>();
        string? after = null;
        int pages = 0;
        do
        {
            var page = await Store.ListActiveAsync(Today, 3, after, default);
            page.Items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Items.Select(c => c.Code));
            after = page.NextToken is null ? null : Decode(page.NextToken);
            pages++;
        }
        while (after is not null && pages < 20);

        seen.ShouldBe(expected);
        pages.ShouldBe(3);
    }

    [Fact]
    public async Task List_WhenMatchesEqualLimit_HasNoNextToken()
    {
        await Store.TryCreateAsync(Samples.Campaign("ONE"), default);
        await Store.TryCreateAsync(Samples.Campaign("TWO"), default);

        var page = await Store.ListActiveAsync(Today, 2, null, default);

        page.Items.Count.ShouldBe(2);
        page.NextToken.ShouldBeNull();
    }

    private static string Decode(string token)
    {
        PageToken.TryDecode(token, out string code).ShouldBeTrue();
        return code;
    }

    private static CampaignDraft Draft(string? status) =>
        new(null, "Summer sale", 12.5m, Samples.ProductId, "https://example.com/terms", new DateOnly(2025, 6, 1), new DateOnly(2025, 8, 31), status);
}
