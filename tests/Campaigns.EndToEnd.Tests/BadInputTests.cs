using System.Text.Json.Nodes;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>Hostile and broken input through the real binaries: always a 4xx problem naming the field, never a 500.</summary>
[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BadInputTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";
    private const string Item = "/v1.0/campaigns/{code}";
    private static readonly Dictionary<string, string> Admin = new() { ["authorization"] = Jwt.Bearer(new JsonObject { ["sub"] = "fuzzer", ["scope"] = Samples.WriteScope }) };

    public static TheoryData<string, JsonNode?> FieldCases() => new()
    {
        { "code", "ab" }, { "code", "a#b" }, { "code", "a/b" }, { "code", "a b" }, { "code", "ＡＢＣ" }, { "code", new string('A', 33) }, { "code", "" },
        { "description", "" }, { "description", new string('x', 501) }, { "description", "bell \u0007" },
        { "discountPercentage", "10" }, { "discountPercentage", 0 }, { "discountPercentage", 100.001m }, { "discountPercentage", JsonNode.Parse("1e309") },
        { "productId", "nope" }, { "termsConditionsLink", "javascript:alert(1)" }, { "termsConditionsLink", "http://example.com" },
        { "fromDate", "2025-02-30" }, { "fromDate", "2025/01/01" }, { "status", "DELETED" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task Create_WithInvalidField_Returns400NamingIt(string field, JsonNode? value)
    {
        var body = CampaignLifecycleTests.Body("bad-input");
        body[field] = value;

        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body.ToJsonString(), Admin);

        response.Status.ShouldBe(400);
        response.Json.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(response.Body);
    }

    [Theory]
    [InlineData("{\"a\":" + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" + "}")]
    [InlineData("{\"code\":NaN}")]
    [InlineData("")]
    [InlineData("{")]
    public async Task Create_WithBrokenBody_Returns400(string body)
    {
        (await api.SendAsync(HttpMethod.Post, Collection, Collection, body, Admin)).Status.ShouldBe(400);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("x\\ud800\\u0041")]
    public async Task Create_WithALoneSurrogateEscape_Returns400NamingTheField(string escaped)
    {
        string body = CampaignLifecycleTests.Body("surrogate").ToJsonString().Replace("\"description\":\"", "\"description\":\"" + escaped, StringComparison.Ordinal);

        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body, Admin);

        response.Status.ShouldBe(400, response.Body);
        response.Json.GetProperty("errors").TryGetProperty("description", out _).ShouldBeTrue(response.Body);
    }

    [Fact]
    public async Task Create_WithARepeatedMemberName_Returns400AndStoresNothing()
    {
        string body = "{\"description\":\"what an intermediary reads\"," + CampaignLifecycleTests.Body("repeated-member").ToJsonString()[1..];

        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body, Admin);

        response.Status.ShouldBe(400, response.Body);
        response.Json.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue(response.Body);
        (await api.SendAsync(HttpMethod.Get, "/v1.0/campaigns/REPEATED-MEMBER", Item)).Status.ShouldBe(404);
    }

    [Fact]
    public async Task Create_WithABodyAboveTheCap_Returns413()
    {
        var body = CampaignLifecycleTests.Body("too-large");
        body["description"] = new string('x', 1_000_000);

        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body.ToJsonString(), Admin);

        response.Status.ShouldBe(413);
        response.Header("content-type").ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Create_WithInvalidUtf8_Returns400()
    {
        using var client = new HttpClient { BaseAddress = api.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, Collection) { Content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']) };
        request.Content.Headers.ContentType = new("application/octet-stream");
        request.Headers.TryAddWithoutValidation("authorization", Admin["authorization"]);

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(400);
        (await response.Content.ReadAsStringAsync()).ShouldContain("UTF-8");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"1")]
    [InlineData("W/")]
    public async Task Update_WithMalformedIfMatch_Returns400NamingIt(string ifMatch)
    {
        var headers = new Dictionary<string, string>(Admin) { ["if-match"] = ifMatch };

        var response = await api.SendAsync(HttpMethod.Put, "/v1.0/campaigns/ANY-CODE", Item, CampaignLifecycleTests.Body("any-code").ToJsonString(), headers);

        response.Status.ShouldBe(400);
        response.Json.GetProperty("errors").TryGetProperty("If-Match", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=abc")]
    [InlineData("?limit=1e2")]
    [InlineData("?nextToken=YzE6QUJDOjAwMDAwMDAwMDAwMDAwMDA")]
    [InlineData("?nextToken=%00%01")]
    public async Task List_WithBadQuery_Returns400(string query)
    {
        (await api.SendAsync(HttpMethod.Get, Collection + query, Collection)).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Logs_NeverContainBodiesOrTokens()
    {
        var secretClaims = new JsonObject { ["sub"] = "log-check", ["scope"] = Samples.WriteScope, ["secret_claim"] = "TOP-SECRET-CLAIM" };
        var body = CampaignLifecycleTests.Body("log-check");
        body["description"] = "PRIVATE-DESCRIPTION-TEXT";
        var headers = new Dictionary<string, string> { ["authorization"] = Jwt.Bearer(secretClaims) };

        var response = await api.SendAsync(HttpMethod.Post, Collection, Collection, body.ToJsonString(), headers);

        response.Status.ShouldBe(201);
        string requestId = api.Host.Reports.Last(r => r.FunctionName == "create_campaign").RequestId;
        // The function's lines reach the emulator through a pipe, possibly after the response: the check
        // below must see this request's own log line, or it would pass on logs that were never captured.
        await Eventually.HoldsAsync(() => RequestLogLine(requestId) is not null, "create_campaign's log line for this request");
        string logs = api.Output.ToString();
        logs.ShouldNotContain("PRIVATE-DESCRIPTION-TEXT");
        logs.ShouldNotContain("TOP-SECRET-CLAIM");
        logs.ShouldNotContain(headers["authorization"][7..]);
    }

    private string? RequestLogLine(string requestId) =>
        api.Output.ToString().Split('\n').FirstOrDefault(line =>
            line.StartsWith("[create_campaign] ", StringComparison.Ordinal)
            && line.Contains("\"message\":\"POST /v1.0/campaigns 201\"", StringComparison.Ordinal)
            && line.Contains($"\"requestId\":\"{requestId}\"", StringComparison.Ordinal));
}
