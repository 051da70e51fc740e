using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>The functions' SMOKE_CALLER rule, seen in the stored items: only the smoke check's own SMOKE- campaigns expire.</summary>
[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SmokeItemTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";

    [Fact]
    public async Task Create_BySmokeCallerWithSmokeCode_StoresExpiresAtADayLater()
    {
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        (await Create("SMOKE-E2E-1", ApiFixture.SmokeCaller)).ShouldBe(201);
        long after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var item = await RawItem("SMOKE-E2E-1");

        long expiresAt = long.Parse(item[AttributeNames.ExpiresAt].N, CultureInfo.InvariantCulture);
        expiresAt.ShouldBeInRange(before + 86_400 - 1, after + 86_400);
    }

    [Theory]
    [InlineData("SMOKE-E2E-2", "u-1")]
    [InlineData("REAL-E2E-3", ApiFixture.SmokeCaller)]
    public async Task Create_WhenNotTheSmokeChecksOwnSmokeCode_StoresNoExpiry(string code, string sub)
    {
        (await Create(code, sub)).ShouldBe(201);

        (await RawItem(code)).ShouldNotContainKey(AttributeNames.ExpiresAt);
    }

    private async Task<int> Create(string code, string sub)
    {
        var headers = new Dictionary<string, string> { ["authorization"] = Jwt.Bearer(new JsonObject { ["sub"] = sub, ["scope"] = Samples.WriteScope }) };
        return (await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body(code).ToJsonString(), headers)).Status;
    }

    private Task<Dictionary<string, AttributeValue>> RawItem(string code) => api.Table.RawItemAsync(code);
}
