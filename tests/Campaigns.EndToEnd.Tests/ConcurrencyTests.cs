using System.Text.Json.Nodes;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>Racing admins through the real binaries: conditional writes decide, nothing is lost or resurrected.</summary>
[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConcurrencyTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";
    private const string Item = "/v1.0/campaigns/{code}";
    private static readonly Dictionary<string, string> Admin = new() { ["authorization"] = Jwt.Bearer(new JsonObject { ["sub"] = "racer", ["scope"] = Samples.WriteScope }) };

    [Fact]
    public async Task TwentyParallelPutsWithSameIfMatch_ExactlyOneWins()
    {
        (await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body("race-put").ToJsonString(), Admin)).Status.ShouldBe(201);
        var headers = new Dictionary<string, string>(Admin) { ["if-match"] = "\"1\"" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var body = CampaignLifecycleTests.Body("race-put");
            body["description"] = $"writer {i}";
            return api.SendAsync(HttpMethod.Put, "/v1.0/campaigns/RACE-PUT", Item, body.ToJsonString(), headers);
        }));

        responses.Count(r => r.Status == 200).ShouldBe(1);
        responses.Count(r => r.Status == 412).ShouldBe(19);
        var final = await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/RACE-PUT", Item);
        final.Json.GetProperty("version").GetInt64().ShouldBe(2);
        final.Json.GetProperty("description").GetString().ShouldBe(responses.Single(r => r.Status == 200).Json.GetProperty("description").GetString());
    }

    [Fact]
    public async Task TwentyParallelPostsOfOneCode_ExactlyOneCreates()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body("race-post").ToJsonString(), Admin)));

        responses.Count(r => r.Status == 201).ShouldBe(1);
        responses.Count(r => r.Status == 409).ShouldBe(19);
    }

    [Fact]
    public async Task ParallelDeleteAndPut_NeverResurrectTheCampaign()
    {
        for (int round = 0; round < 5; round++)
        {
            string code = $"RACE-DEL-{round}";
            (await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body(code).ToJsonString(), Admin)).Status.ShouldBe(201);

            var put = api.SendAsync(HttpMethod.Put, $"/v1.0/campaigns/{code}", Item, CampaignLifecycleTests.Body(code).ToJsonString(), Admin);
            var delete = api.SendAsync(HttpMethod.Delete, $"/v1.0/campaigns/{code}", Item, headers: Admin);
            var results = await Task.WhenAll(put, delete);

            results[1].Status.ShouldBe(204);
            results[0].Status.ShouldBeOneOf(200, 404);
            (await api.SendAsync(HttpMethod.Get, $"/v1.0/campaigns/{code}", Item)).Status.ShouldBe(404);
            var item = await api.Table.Client.GetItemAsync(api.Table.Name, new() { ["PK"] = new($"CAMPAIGN#{code}"), ["SK"] = new("METADATA") });
            item.Item["status"].S.ShouldBe("DELETED");
            item.Item["GSI1_SK"].S.ShouldBe($"DELETED#{code}");
        }
    }
}
