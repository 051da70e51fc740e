using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Storage;

[Trait("Category", "Integration")]
public sealed class DynamoDbCampaignStoreTests : CampaignStoreContract, IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();

    public DynamoDbCampaignStoreTests()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        Store = store;
        Probe = store;
    }

    protected override ICampaignStore Store { get; }

    protected override IStoreProbe Probe { get; }

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task Create_WritesKeysOfTheSingleTableDesign()
    {
        await Store.TryCreateAsync(Samples.Campaign("KEYS-1"), default);

        var item = await RawItem("KEYS-1");

        item["PK"].S.ShouldBe("CAMPAIGN#KEYS-1");
        item["SK"].S.ShouldBe("METADATA");
        item["GSI1_PK"].S.ShouldBe("CAMPAIGN");
        item["GSI1_SK"].S.ShouldBe("ACTIVE#KEYS-1");
        item["discountPercentage"].N.ShouldBe("12.5");
        item["version"].N.ShouldBe("1");
        item["dateCreated"].S.ShouldBe("2025-06-15T10:30:00.123Z");
    }

    [Fact]
    public async Task Delete_KeepsItemWithDeletedIndexKey()
    {
        await Store.TryCreateAsync(Samples.Campaign("KEYS-2"), default);

        await Store.DeleteAsync(new CampaignDeletion("KEYS-2", Samples.Now.UtcDateTime, "a", null), default);

        var item = await RawItem("KEYS-2");
        item["GSI1_SK"].S.ShouldBe("DELETED#KEYS-2");
        item["status"].S.ShouldBe("DELETED");
        item["active"].BOOL.ShouldBe(false);
    }

    [Fact]
    public async Task Create_WhenRacedByTwentyWriters_ExactlyOneWins()
    {
        var attempts = Enumerable.Range(0, 20).Select(_ => Store.TryCreateAsync(Samples.Campaign("CONTESTED"), default));

        bool[] results = await Task.WhenAll(attempts);

        results.Count(won => won).ShouldBe(1);
    }

    [Fact]
    public async Task Update_WhenTwentyWritersExpectSameVersion_ExactlyOneWins()
    {
        await Store.TryCreateAsync(Samples.Campaign("HOT"), default);
        var draft = new CampaignDraft(null, "x", 1, Samples.ProductId, "https://example.com/t", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Store.UpdateAsync(new CampaignChanges("HOT", draft with { Description = $"writer {i}" }, Samples.Now.UtcDateTime, "a", [1]), default)));

        outcomes.Count(o => o.Status == WriteStatus.Succeeded).ShouldBe(1);
        outcomes.Count(o => o.Status == WriteStatus.VersionMismatch).ShouldBe(19);
        (await Store.GetAsync("HOT", default))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task List_WhenEndedCampaignsFillThePagesReads_ReturnsAShortPageWithNextToken()
    {
        // More ended entries than a page's three queries read (3 x (limit + 1)) sit before the match.
        for (int i = 0; i < 15; i++)
        {
            await Store.TryCreateAsync(Samples.Campaign($"OLD-{i:D2}", toDate: new DateOnly(2020, 1, 1)), default);
        }

        await Store.TryCreateAsync(Samples.Campaign("ZZZ-LIVE"), default);

        var first = await Store.ListActiveAsync(new DateOnly(2025, 7, 1), 2, null, default);
        PageToken.TryDecode(first.NextToken.ShouldNotBeNull(), out string after).ShouldBeTrue();
        var second = await Store.ListActiveAsync(new DateOnly(2025, 7, 1), 2, after, default);

        first.Items.ShouldBeEmpty();
        after.ShouldBe("OLD-08");
        second.Items.Select(c => c.Code).ShouldBe(["ZZZ-LIVE"]);
        second.NextToken.ShouldBeNull();
    }

    [Fact]
    public async Task Table_HasTimeToLiveOnTheAttributeTheStoreWrites()
    {
        var ttl = await _table.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = _table.Name });

        ttl.TimeToLiveDescription.AttributeName.ShouldBe(AttributeNames.ExpiresAt);
        ttl.TimeToLiveDescription.TimeToLiveStatus.Value.ShouldBe("ENABLED");
    }

    [Fact]
    public async Task Create_WhenTheExpiryRuleGivesAMoment_WritesExpiresAtInEpochSeconds()
    {
        // In the future: DynamoDB Local's TTL may delete an item whose expiry has passed before the
        // test reads it back.
        var expiry = new DateTimeOffset(2999, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var rule = new ExpiringCode("TTL-1", expiry.UtcDateTime);
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name, rule);
        var campaign = Samples.Campaign("TTL-1");

        (await store.TryCreateAsync(campaign, default)).ShouldBeTrue();

        (await RawItem("TTL-1"))[AttributeNames.ExpiresAt].N.ShouldBe(expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        rule.Asked.ShouldBe([campaign]);
    }

    [Fact]
    public async Task Create_WhenTheExpiryRuleGivesNone_WritesNoExpiresAt()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name, new ExpiringCode("OTHER-1", DateTime.MaxValue));

        (await store.TryCreateAsync(Samples.Campaign("TTL-2"), default)).ShouldBeTrue();

        (await RawItem("TTL-2")).ShouldNotContainKey(AttributeNames.ExpiresAt);
    }

    [Fact]
    public async Task Create_WithoutAnExpiryRule_WritesNoExpiresAt()
    {
        (await Store.TryCreateAsync(Samples.Campaign("TTL-3"), default)).ShouldBeTrue();

        (await RawItem("TTL-3")).ShouldNotContainKey(AttributeNames.ExpiresAt);
    }

    [Fact]
    public async Task UpdateAndDelete_NeverAskTheExpiryRule()
    {
        var rule = new ExpiringCode("TTL-4", new DateTime(2999, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name, rule);
        await Store.TryCreateAsync(Samples.Campaign("TTL-4"), default);
        var draft = new CampaignDraft(null, "x", 1, Samples.ProductId, "https://example.com/t", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), null);

        (await store.UpdateAsync(new CampaignChanges("TTL-4", draft, Samples.Now.UtcDateTime, "a", null), default)).Status.ShouldBe(WriteStatus.Succeeded);
        (await store.DeleteAsync(new CampaignDeletion("TTL-4", Samples.Now.UtcDateTime, "a", null), default)).Status.ShouldBe(WriteStatus.Succeeded);

        rule.Asked.ShouldBeEmpty();
        (await RawItem("TTL-4")).ShouldNotContainKey(AttributeNames.ExpiresAt);
    }

    private Task<Dictionary<string, AttributeValue>> RawItem(string code) => _table.RawItemAsync(code);
}
