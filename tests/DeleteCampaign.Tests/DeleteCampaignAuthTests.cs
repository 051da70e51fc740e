using Campaigns.Domain.Model;
using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.DeleteCampaign.Tests;

/// <summary>Who may delete: the authorizer's caller (sub) with the write scope; anyone else changes nothing.</summary>
public sealed class DeleteCampaignAuthTests
{
    private readonly FakeCampaignStore _store = new();

    public DeleteCampaignAuthTests() => _store.Seed(Samples.Campaign("SUMMER-25"));

    [Theory]
    [MemberData(nameof(WriteAuthCases.Refused), MemberType = typeof(WriteAuthCases))]
    public async Task Delete_WhenCallerOrScopeMissing_RefusesAndChangesNothing(string name, int status)
    {
        var request = WriteAuthCases.Apply(name, Requests.Delete("SUMMER-25"));

        (await Handler(Samples.WriteScope).HandleAsync(request, default)).ShouldBeRefusal(status);

        _store.Calls.ShouldBe(0);
        _store.Peek("SUMMER-25")!.Status.ShouldBe(CampaignStatus.Active);
    }

    [Fact]
    public async Task Delete_WhenUnauthorizedAndCodeInvalid_Returns401NotTheValidation()
    {
        (await Handler(Samples.WriteScope).HandleAsync(Requests.Delete("x").WithoutAuthorizer(), default)).ShouldBeRefusal(401);
    }

    [Fact]
    public async Task Delete_WhenNoScopeConfigured_NeedsOnlyTheCaller()
    {
        var handler = Handler(null);

        (await handler.HandleAsync(Requests.Delete("SUMMER-25").WithoutAuthorizer(), default)).ShouldBeRefusal(401);
        (await handler.HandleAsync(Requests.Delete("SUMMER-25").WithScopes(null), default)).StatusCode.ShouldBe(204);
        _store.Peek("SUMMER-25")!.Status.ShouldBe(CampaignStatus.Deleted);
    }

    [Fact]
    public async Task Delete_RecordsTheSub()
    {
        var request = Requests.Delete("SUMMER-25").WithClaims(new() { ["sub"] = "u-4711", ["email"] = "ann@example.com" });

        (await Handler(Samples.WriteScope).HandleAsync(request, default)).StatusCode.ShouldBe(204);

        _store.Peek("SUMMER-25")!.LastUpdatedBy.ShouldBe("u-4711");
    }

    private DeleteCampaignHandler Handler(string? scope) => new(_store, new FakeTimeProvider(Samples.Now.AddDays(1)), new WriteAccess(scope));
}
