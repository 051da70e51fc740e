using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Storage;

/// <summary>Items written around the API (by hand, by an old version, by a bad migration) that the mapping cannot read.</summary>
[Trait("Category", "Integration")]
public sealed class UnreadableItemTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private readonly DynamoDbTestTable _table = new();
    private readonly RecordingUnreadableItems _unreadable = new();
    private readonly DynamoDbCampaignStore _store;

    public UnreadableItemTests() => _store = new DynamoDbCampaignStore(_table.Client, _table.Name, unreadableItems: _unreadable);

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    public static TheoryData<string, string, AttributeValue?> Malformations => new()
    {
        { "NUMBER-AS-STRING", "discountPercentage", new AttributeValue { S = "12.5" } },
        { "MISSING-DESCRIPTION", "description", null },
        { "VERSION-AS-BOOL", "version", new AttributeValue { BOOL = true } },
        { "BAD-DATE", "fromDate", new AttributeValue { S = "June 1st" } },
        { "BAD-UUID", "productId", new AttributeValue { S = "not-a-uuid" } },
        { "HUGE-VERSION", "version", new AttributeValue { N = "99999999999999999999999" } },
        { "MISSING-ACTIVE", "active", null },
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public async Task List_WhenAnItemCannotBeRead_SkipsAndReportsItAndServesTheRest(string code, string attribute, AttributeValue? value)
    {
        await _store.TryCreateAsync(Samples.Campaign("AAA"), default);
        await PutMalformedAsync(code, attribute, value);
        await _store.TryCreateAsync(Samples.Campaign("ZZZ"), default);

        var page = await _store.ListActiveAsync(Today, 50, null, default);

        page.Items.Select(c => c.Code).ShouldBe(["AAA", "ZZZ"]);
        page.NextToken.ShouldBeNull();
        _unreadable.Reports.ShouldBe([("CAMPAIGN#" + code, attribute)]);
    }

    [Fact]
    public async Task List_WhenPagingPastUnreadableItems_YieldsEveryReadableCampaignOnce()
    {
        string[] good = ["A01", "A03", "A05", "A07"];
        foreach (string code in good)
        {
            await _store.TryCreateAsync(Samples.Campaign(code), default);
        }

        foreach (string code in new[] { "A02", "A04", "A06" })
        {
            await PutMalformedAsync(code, "version", new AttributeValue { S = "1" });
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await _store.ListActiveAsync(Today, 1, after, default);
            seen.AddRange(page.Items.Select(c => c.Code));
            after = page.NextToken is { } token && PageToken.TryDecode(token, out string code) ? code : null;
        }
        while (after is not null);

        seen.ShouldBe(good);
    }

    [Fact]
    public async Task Get_WhenTheItemCannotBeRead_ThrowsNamingOnlyKeyAndAttribute()
    {
        await PutMalformedAsync("SECRET-1", "discountPercentage", new AttributeValue { S = "secret-value-42" });

        var exception = await Should.ThrowAsync<UnreadableItemException>(() => _store.GetAsync("SECRET-1", default));

        exception.Key.ShouldBe("CAMPAIGN#SECRET-1");
        exception.Attribute.ShouldBe("discountPercentage");
        exception.Message.ShouldNotContain("secret-value-42");
        exception.InnerException.ShouldBeNull();

        // Whoever catches it tells it: the store tells only what it skips.
        _unreadable.Reports.ShouldBeEmpty();
    }

    private async Task PutMalformedAsync(string code, string attribute, AttributeValue? value)
    {
        var item = CampaignItemMapper.ToItem(Samples.Campaign(code));
        if (value is null)
        {
            item.Remove(attribute);
        }
        else
        {
            item[attribute] = value;
        }

        await _table.Client.PutItemAsync(new PutItemRequest { TableName = _table.Name, Item = item });
    }

    private sealed class RecordingUnreadableItems : IUnreadableItems
    {
        public List<(string Key, string Attribute)> Reports { get; } = [];

        public void Skipped(UnreadableItemException exception) => Reports.Add((exception.Key, exception.Attribute));
    }
}
