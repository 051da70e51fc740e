using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.UpdateCampaign.Tests;

/// <summary>Who may update: the authorizer's caller (sub) with the write scope; anyone else changes nothing.</summary>
public sealed class UpdateCampaignAuthTests
{
    private readonly FakeCampaignStore _store = new();

    public UpdateCampaignAuthTests() => _store.Seed(Samples.Campaign("SUMMER-25"));

    [Theory]
    [MemberData(nameof(WriteAuthCases.Refused), MemberType = typeof(WriteAuthCases))]
    public async Task Update_WhenCallerOrScopeMissing_RefusesAndChangesNothing(string name, int status)
    {
        var request = WriteAuthCases.Apply(name, Requests.Put("SUMMER-25", Changed()));

        (await Handler(Samples.WriteScope).HandleAsync(request, default)).ShouldBeRefusal(status);

        _store.Calls.ShouldBe(0);
        _store.Peek("SUMMER-25")!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Update_WhenUnauthorizedAndCodeInvalid_Returns401NotTheValidation()
    {
        (await Handler(Samples.WriteScope).HandleAsync(Requests.Put("x", Changed()).WithoutAuthorizer(), default)).ShouldBeRefusal(401);
    }

    [Fact]
    public async Task Update_WhenNoScopeConfigured_NeedsOnlyTheCaller()
    {
        var handler = Handler(null);

        (await handler.HandleAsync(Requests.Put("SUMMER-25", Changed()).WithoutAuthorizer(), default)).ShouldBeRefusal(401);
        (await handler.HandleAsync(Requests.Put("SUMMER-25", Changed()).WithScopes(null), default)).StatusCode.ShouldBe(200);
        _store.Peek("SUMMER-25")!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Update_RecordsTheSubAndServesNeitherItNorTheEmail()
    {
        var request = Requests.Put("SUMMER-25", Changed()).WithClaims(new() { ["sub"] = "u-4711", ["email"] = "ann@example.com" });

        var response = await Handler(Samples.WriteScope).HandleAsync(request, default);

        response.StatusCode.ShouldBe(200);
        _store.Peek("SUMMER-25")!.LastUpdatedBy.ShouldBe("u-4711");
        string body = response.Body.ShouldNotBeNull();
        body.ShouldNotContain("ann@example.com");
        body.ShouldNotContain("u-4711");
        body.ShouldNotContain("lastUpdatedBy");
    }

    private static System.Text.Json.Nodes.JsonObject Changed()
    {
        var body = Samples.Body();
        body["description"] = "Changed";
        return body;
    }

    private UpdateCampaignHandler Handler(string? scope) => new(_store, new FakeTimeProvider(Samples.Now.AddMinutes(5)), new WriteAccess(scope));
}
