using System.Text.Json.Nodes;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ListTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";
    private static readonly Dictionary<string, string> Admin = new() { ["authorization"] = Jwt.Bearer(new JsonObject { ["sub"] = "lister", ["scope"] = Samples.WriteScope }) };

    [Fact]
    public async Task List_FollowingNextToken_ReturnsEveryActiveCurrentCampaignOnce()
    {
        // Codes sort after everything other tests create ("ZZ-"), so pages of this test are predictable.
        var expected = new List<string>();
        for (int i = 0; i < 7; i++)
        {
            var body = CampaignLifecycleTests.Body($"zz-list-{i}");
            if (i == 2)
            {
                body["status"] = "PAUSED";
            }
            else if (i == 4)
            {
                body["toDate"] = "2020-01-01";
                body["fromDate"] = "2020-01-01";
            }
            else
            {
                expected.Add($"ZZ-LIST-{i}");
            }

            (await api.SendAsync(HttpMethod.Post, Collection, Collection, body.ToJsonString(), Admin)).Status.ShouldBe(201);
        }

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            string path = Collection + "?limit=2" + (token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token));
            var page = await api.SendAsync(HttpMethod.Get, path, Collection);
            page.Status.ShouldBe(200);
            seen.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
            var next = page.Json.GetProperty("nextToken");
            token = next.ValueKind == System.Text.Json.JsonValueKind.Null ? null : next.GetString();
            pages++;
        }
        while (token is not null && pages < 100);

        seen.Where(code => code.StartsWith("ZZ-LIST-", StringComparison.Ordinal)).ShouldBe(expected);
        seen.Distinct().Count().ShouldBe(seen.Count);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?nextToken=tampered", "nextToken")]
    public async Task List_WhenQueryInvalid_Returns400NamingParameter(string query, string field)
    {
        var response = await api.SendAsync(HttpMethod.Get, Collection + query, Collection);

        response.Status.ShouldBe(400);
        response.Json.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}
