using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.CreateCampaign.Tests;

/// <summary>Who may create: the authorizer's caller (sub) with the write scope; anyone else changes nothing.</summary>
public sealed class CreateCampaignAuthTests
{
    private readonly FakeCampaignStore _store = new();

    [Theory]
    [MemberData(nameof(WriteAuthCases.Refused), MemberType = typeof(WriteAuthCases))]
    public async Task Create_WhenCallerOrScopeMissing_RefusesAndStoresNothing(string name, int status)
    {
        var request = WriteAuthCases.Apply(name, Requests.Post(Samples.Body()));

        (await Handler(Samples.WriteScope).HandleAsync(request, default)).ShouldBeRefusal(status);

        _store.Calls.ShouldBe(0);
        _store.Peek("SUMMER-25").ShouldBeNull();
    }

    [Fact]
    public async Task Create_WhenUnauthorizedAndBodyInvalid_Returns401NotTheValidation()
    {
        var request = Requests.Post(null).WithBody("not json").WithoutAuthorizer();

        (await Handler(Samples.WriteScope).HandleAsync(request, default)).ShouldBeRefusal(401);
    }

    [Fact]
    public async Task Create_WhenNoScopeConfigured_NeedsOnlyTheCaller()
    {
        var handler = Handler(null);

        (await handler.HandleAsync(Requests.Post(Samples.Body("free-1")).WithScopes(null), default)).StatusCode.ShouldBe(201);
        (await handler.HandleAsync(Requests.Post(Samples.Body("free-2")).WithoutAuthorizer(), default)).ShouldBeRefusal(401);
        _store.Peek("FREE-2").ShouldBeNull();
    }

    [Fact]
    public async Task Create_RecordsTheSubAndServesNeitherItNorTheEmail()
    {
        var request = Requests.Post(Samples.Body()).WithClaims(new() { ["sub"] = "u-4711", ["email"] = "ann@example.com" });

        var response = await Handler(Samples.WriteScope).HandleAsync(request, default);

        response.StatusCode.ShouldBe(201);
        _store.Peek("SUMMER-25")!.LastUpdatedBy.ShouldBe("u-4711");
        string body = response.Body.ShouldNotBeNull();
        body.ShouldNotContain("ann@example.com");
        body.ShouldNotContain("u-4711");
        body.ShouldNotContain("lastUpdatedBy");
    }

    private CreateCampaignHandler Handler(string? scope) => new(_store, new FakeTimeProvider(Samples.Now), new WriteAccess(scope));
}
