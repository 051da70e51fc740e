using System.Text.Json.Nodes;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CampaignLifecycleTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";
    private const string Item = "/v1.0/campaigns/{code}";
    private static readonly Dictionary<string, string> Admin = new() { ["authorization"] = Jwt.Bearer(new JsonObject { ["sub"] = "u-1", ["email"] = "admin@example.com", ["scope"] = Samples.WriteScope }) };

    [Fact]
    public async Task Lifecycle_CreateReadUpdateDelete_FollowsTheContract()
    {
        // Create with a lower-case code: normalised, 201 with Location and ETag.
        var created = await api.SendAsync(HttpMethod.Post, Collection, Collection, Body("life-1").ToJsonString(), Admin);
        created.Status.ShouldBe(201);
        created.Header("location").ShouldBe("/v1.0/campaigns/LIFE-1");
        created.Header("etag").ShouldBe("\"1\"");
        created.Header("cache-control").ShouldBe("no-store");
        created.Header("x-content-type-options").ShouldBe("nosniff");
        string id = created.Json.GetProperty("id").GetString()!;

        // Read it back, case-insensitively; then conditionally.
        var read = await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/life-1", Item);
        read.Status.ShouldBe(200);
        read.Json.GetProperty("id").GetString().ShouldBe(id);
        read.Header("etag").ShouldBe("\"1\"");
        read.Header("x-content-type-options").ShouldBe("nosniff");
        (await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/LIFE-1", Item, headers: new() { ["if-none-match"] = "\"1\"" })).Status.ShouldBe(304);

        // Update with the current ETag, then with the stale one.
        var update = Body("life-1");
        update["description"] = "Updated";
        var updated = await api.SendAsync(HttpMethod.Put, "/v1.0/campaigns/LIFE-1", Item, update.ToJsonString(), With(Admin, "if-match", "\"1\""));
        updated.Status.ShouldBe(200);
        updated.Json.GetProperty("version").GetInt64().ShouldBe(2);
        updated.Json.GetProperty("id").GetString().ShouldBe(id);
        updated.Json.GetProperty("description").GetString().ShouldBe("Updated");
        updated.Header("etag").ShouldBe("\"2\"");
        (await api.SendAsync(HttpMethod.Put, "/v1.0/campaigns/LIFE-1", Item, update.ToJsonString(), With(Admin, "if-match", "\"1\""))).Status.ShouldBe(412);

        // Soft delete; then the campaign is gone for every verb, and its code stays taken.
        var deleted = await api.SendAsync(HttpMethod.Delete, "/v1.0/campaigns/LIFE-1", Item, headers: Admin);
        deleted.Status.ShouldBe(204);
        deleted.Body.ShouldBeEmpty();
        (await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/LIFE-1", Item)).Status.ShouldBe(404);
        (await api.SendAsync(HttpMethod.Put, "/v1.0/campaigns/LIFE-1", Item, update.ToJsonString(), Admin)).Status.ShouldBe(404);
        (await api.SendAsync(HttpMethod.Delete, "/v1.0/campaigns/LIFE-1", Item, headers: Admin)).Status.ShouldBe(404);
        (await api.SendAsync(HttpMethod.Post, Collection, Collection, Body("LIFE-1").ToJsonString(), Admin)).Status.ShouldBe(409);
    }

    [Fact]
    public async Task Create_WithBinaryContentType_ArrivesBase64AndIsDecoded()
    {
        var created = await api.SendAsync(HttpMethod.Post, Collection, Collection, Body("b64-1").ToJsonString(), Admin, contentType: "application/octet-stream");

        created.Status.ShouldBe(201);
        created.Json.GetProperty("code").GetString().ShouldBe("B64-1");
    }

    [Fact]
    public async Task Create_WithSubAndEmail_RecordsTheSub()
    {
        var headers = new Dictionary<string, string> { ["authorization"] = Jwt.Bearer(new JsonObject { ["sub"] = "user-42", ["email"] = "user42@example.com", ["scope"] = Samples.WriteScope }) };

        (await api.SendAsync(HttpMethod.Post, Collection, Collection, Body("sub-1").ToJsonString(), headers)).Status.ShouldBe(201);

        (await api.Table.RawItemAsync("SUB-1"))["lastUpdatedBy"].S.ShouldBe("user-42");
    }

    [Fact]
    public async Task Create_WhenInvalid_Returns400ProblemNamingFields()
    {
        var body = Body("x");
        body["discountPercentage"] = 100.001m;
        body["termsConditionsLink"] = "http://example.com";

        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body.ToJsonString(), Admin);

        response.Status.ShouldBe(400);
        response.Header("content-type").ShouldStartWith("application/problem+json");
        response.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["code", "discountPercentage", "termsConditionsLink"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Create_WhenBodyNotAnObject_Returns400(string body)
    {
        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body, Admin);

        response.Status.ShouldBe(400);
        response.Json.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Write_WithoutToken_IsRejectedByTheAuthorizer()
    {
        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, Body("noauth-1").ToJsonString());

        response.Status.ShouldBe(401);
    }

    [Theory]
    [InlineData("/v1.0/campaigns/ab")]
    [InlineData("/v1.0/campaigns/a%23b%23c")]
    [InlineData("/v1.0/campaigns/%CE%91%CE%92%CE%93")]
    public async Task Get_WhenCodeInvalid_Returns400(string path)
    {
        (await api.SendAsync(HttpMethod.Get, path, Item)).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Get_WhenMissing_Returns404Problem()
    {
        var response = await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/NEVER-THERE", Item);

        response.Status.ShouldBe(404);
        response.Json.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Update_WhenBodyCodeDiffers_Returns400()
    {
        await api.SendAsync(HttpMethod.Post, Collection, Collection, Body("mismatch-1").ToJsonString(), Admin);

        var response = await api.SendAsync(HttpMethod.Put, "/v1.0/campaigns/MISMATCH-1", Item, Body("other-1").ToJsonString(), Admin);

        response.Status.ShouldBe(400);
    }

    internal static JsonObject Body(string code)
    {
        var body = Samples.Body(code);
        body["toDate"] = "2099-12-31";
        return body;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> headers, string name, string value) =>
        new(headers) { [name] = value };
}
