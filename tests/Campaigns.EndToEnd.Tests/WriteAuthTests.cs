using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Emulator.Hosting;
using Campaigns.Hosting.Json;
using Campaigns.Lambda.Http;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>
/// Writes need a caller and the write scope, through the front and around it (a direct invoke); and no
/// response of any function serves the writer's e-mail address or sub.
/// </summary>
[Collection(ApiGroup.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WriteAuthTests(ApiFixture api)
{
    private const string Collection = "/v1.0/campaigns";
    private const string Item = "/v1.0/campaigns/{code}";

    public static TheoryData<string, string, int> RefusedTokens => new()
    {
        { "AUTH-E2E-1", """{"sub":"u-1"}""", 403 },
        { "AUTH-E2E-2", """{"sub":"u-1","scope":"campaigns/read"}""", 403 },
        { "AUTH-E2E-3", """{"sub":"u-1","scope":"Campaigns/Write"}""", 403 },
        { "AUTH-E2E-4", """{"sub":"u-1","scope":"campaigns/writer"}""", 403 },
        { "AUTH-E2E-5", """{"email":"ann@example.com","scope":"campaigns/write"}""", 401 },
        { "AUTH-E2E-6", """{"sub":"  ","scope":"campaigns/write"}""", 401 },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Writes_WithTokenLackingCallerOrScope_AreRefusedAndChangeNothing(string code, string claims, int status)
    {
        var seeded = await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body(code + "-S").ToJsonString(), Writer());
        seeded.Status.ShouldBe(201);
        var headers = new Dictionary<string, string> { ["authorization"] = "Bearer " + Jwt.Token(claims) };

        var create = await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body(code).ToJsonString(), headers);
        var update = await api.SendAsync(HttpMethod.Put, $"{Collection}/{code}-S", Item, Changed(code + "-S"), headers);
        var delete = await api.SendAsync(HttpMethod.Delete, $"{Collection}/{code}-S", Item, headers: headers);

        foreach (var refused in new[] { create, update, delete })
        {
            refused.Status.ShouldBe(status, refused.Body);
            refused.Header("content-type").ShouldStartWith("application/problem+json");
            refused.Header("www-authenticate").ShouldStartWith("Bearer");
        }

        await ShouldNotBeStored(code);
        var kept = await api.SendAsync(HttpMethod.Get, $"{Collection}/{code}-S", Item);
        kept.Status.ShouldBe(200);
        kept.Json.GetProperty("version").GetInt64().ShouldBe(1);
        kept.Json.GetProperty("description").GetString().ShouldNotBe("Changed");
    }

    [Fact]
    public async Task Create_WithScopeInAnScpArray_IsAccepted()
    {
        var headers = new Dictionary<string, string> { ["authorization"] = "Bearer " + Jwt.Token("""{"sub":"u-scp","scp":["campaigns/read","campaigns/write"]}""") };

        (await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body("AUTH-SCP-1").ToJsonString(), headers)).Status.ShouldBe(201);
    }

    [Fact]
    public async Task DirectInvoke_WithEmptyRequestContext_CreatesNothing()
    {
        string body = CampaignLifecycleTests.Body("DIRECT-E2E-1").ToJsonString();
        string empty = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /v1.0/campaigns",
            ["rawPath"] = "/v1.0/campaigns",
            ["body"] = body,
            ["isBase64Encoded"] = false,
            ["requestContext"] = new JsonObject(),
        }.ToJsonString();

        var result = await api.Host.InvokeRawAsync("create_campaign", empty);

        result.Status.ShouldBe(InvocationStatus.FunctionError);
        await ShouldNotBeStored("DIRECT-E2E-1");
    }

    [Theory]
    [InlineData("no authorizer", 401)]
    [InlineData("a forged sub without scopes", 403)]
    [InlineData("a forged scope claim string", 403)]
    public async Task DirectInvoke_WithoutTheAuthorizersCallerAndScope_AnswersAndCreatesNothing(string forgery, int status)
    {
        var request = Requests.Post(CampaignLifecycleTests.Body("DIRECT-E2E-" + status));
        request = forgery switch
        {
            "no authorizer" => request.WithoutAuthorizer(),
            "a forged sub without scopes" => request.WithScopes(null),
            _ => request.WithClaims(new() { ["sub"] = "forger", ["scope"] = Samples.WriteScope }).WithScopes(null),
        };

        var result = await api.Host.InvokeRawAsync("create_campaign", JsonSerializer.Serialize(request, CampaignsJsonContext.Default.HttpApiRequest));

        result.Status.ShouldBe(InvocationStatus.Success);
        var response = JsonSerializer.Deserialize(result.ResponseBody!, CampaignsJsonContext.Default.HttpApiResponse)!;
        response.StatusCode.ShouldBe(status);
        response.Headers!["content-type"].ShouldBe("application/problem+json");
        await ShouldNotBeStored("DIRECT-E2E-" + status);
    }

    [Fact]
    public async Task NoResponseOfAnyFunction_ServesTheWritersEmailOrSub()
    {
        const string email = "writer.e2e@example.com";
        const string sub = "sub-e2e-7f3a";
        var writer = Writer(new JsonObject { ["sub"] = sub, ["email"] = email, ["scope"] = Samples.WriteScope });
        var bodies = new List<ApiResponse>
        {
            await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body("PII-E2E-1").ToJsonString(), writer),
            await api.SendAsync(HttpMethod.Get, $"{Collection}/PII-E2E-1", Item),
            await api.SendAsync(HttpMethod.Put, $"{Collection}/PII-E2E-1", Item, Changed("PII-E2E-1"), writer),
            await api.SendAsync(HttpMethod.Get, $"{Collection}/pii-e2e-1", Item),
            await api.SendAsync(HttpMethod.Post, Collection, Collection, CampaignLifecycleTests.Body("PII-E2E-1").ToJsonString(), writer),
        };
        for (string? next = null; ;)
        {
            var page = await api.SendAsync(HttpMethod.Get, Collection + "?limit=100" + (next is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(next)), Collection);
            bodies.Add(page);
            next = page.Json.GetProperty("nextToken").GetString();
            if (next is null)
            {
                break;
            }
        }

        bodies.Add(await api.SendAsync(HttpMethod.Delete, $"{Collection}/PII-E2E-1", Item, headers: writer));
        bodies.Add(await api.SendAsync(HttpMethod.Delete, $"{Collection}/PII-E2E-1", Item, headers: writer));

        bodies.Select(b => b.Status).ShouldBe([201, 200, 200, 200, 409, .. Enumerable.Repeat(200, bodies.Count - 7), 204, 404]);
        bodies.ShouldContain(b => b.Body.Contains("PII-E2E-1", StringComparison.Ordinal));
        foreach (var response in bodies)
        {
            response.Body.ShouldNotContain(email, Case.Insensitive);
            response.Body.ShouldNotContain(sub, Case.Insensitive);
            response.Body.ShouldNotContain("lastUpdatedBy", Case.Insensitive);
            response.Body.ShouldNotContain("@", Case.Sensitive, "an e-mail address in " + response.Body);
        }

        (await api.Table.RawItemAsync("PII-E2E-1"))["lastUpdatedBy"].S.ShouldBe(sub);
    }

    private async Task ShouldNotBeStored(string code) =>
        ((await api.Table.RawItemAsync(code))?.Count ?? 0).ShouldBe(0, $"{code} was stored");

    private static Dictionary<string, string> Writer(JsonObject? claims = null) =>
        new() { ["authorization"] = Jwt.Bearer(claims ?? new JsonObject { ["sub"] = "auth-e2e", ["scope"] = Samples.WriteScope }) };

    private static string Changed(string code)
    {
        var body = CampaignLifecycleTests.Body(code);
        body["description"] = "Changed";
        return body.ToJsonString();
    }
}
