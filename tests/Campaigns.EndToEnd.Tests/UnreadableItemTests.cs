using Amazon.DynamoDBv2.Model;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>An item written around the API that the functions cannot read, through the real binaries.</summary>
[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class UnreadableItemTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";
    private const string Item = "/v1.0/campaigns/{code}";

    [Fact]
    public async Task AnUnreadableItem_IsLeftOutOfTheList_AndItsOwnGetIsAGeneric500()
    {
        // A far toDate keeps it in the live list whatever today is; the string version cannot be read.
        var item = Campaigns.Domain.Storage.CampaignItemMapper.ToItem(Samples.Campaign("AA-UNREADABLE", toDate: new DateOnly(2099, 12, 31)));
        item["version"] = new AttributeValue { S = "leaked-value-31" };
        await api.Table.Client.PutItemAsync(new PutItemRequest { TableName = api.Table.Name, Item = item });
        try
        {
            var seen = new List<string>();
            string? token = null;
            do
            {
                string query = "?limit=100" + (token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token));
                var page = await api.SendAsync(HttpMethod.Get, Collection + query, Collection);
                page.Status.ShouldBe(200, page.Body);
                seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
                token = page.Json.GetProperty("nextToken").GetString();
            }
            while (token is not null);

            seen.ShouldNotContain("AA-UNREADABLE");

            var get = await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/aa-unreadable", Item);
            get.Status.ShouldBe(500);
            get.Json.GetProperty("type").GetString().ShouldBe("/problems/internal-error");
            get.Body.ShouldNotContain("leaked-value-31");
            get.Body.ShouldNotContain("version");

            await Eventually.HoldsAsync(
                () => HasLine("[get_campaign] ", "Unreadable campaign item CAMPAIGN#AA-UNREADABLE")
                    && HasLine("[list_campaigns] ", "Unreadable campaign item CAMPAIGN#AA-UNREADABLE")
                    && HasLine("[list_campaigns] ", "\"UnreadableItems\":1"),
                "the ERROR lines and the UnreadableItems metric");
            api.Output.ToString().ShouldNotContain("leaked-value-31");
        }
        finally
        {
            await api.Table.Client.DeleteItemAsync(api.Table.Name, new() { ["PK"] = new("CAMPAIGN#AA-UNREADABLE"), ["SK"] = new("METADATA") });
        }
    }

    private bool HasLine(string prefix, string text) =>
        api.Output.ToString().Split('\n').Any(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal));
}
