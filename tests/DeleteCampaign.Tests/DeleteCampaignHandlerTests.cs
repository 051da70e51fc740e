using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.DeleteCampaign.Tests;

public sealed class DeleteCampaignHandlerTests
{
    private readonly FakeCampaignStore _store = new();
    private readonly DeleteCampaignHandler _handler;

    public DeleteCampaignHandlerTests() => _handler = new DeleteCampaignHandler(_store, new FakeTimeProvider(Samples.Now.AddDays(1)), new WriteAccess(Samples.WriteScope));

    [Fact]
    public async Task Delete_WhenLive_Returns204AndSoftDeletes()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));

        var response = await _handler.HandleAsync(Requests.Delete("summer-25").WithClaims(new() { ["sub"] = "admin-sub" }), default);

        response.StatusCode.ShouldBe(204);
        response.Body.ShouldBeNull();
        SuccessBodies.Of(response).ShouldBe(_handler.SuccessBody);
        var stored = _store.Peek("SUMMER-25")!;
        stored.Status.ShouldBe(CampaignStatus.Deleted);
        stored.Active.ShouldBeFalse();
        stored.LastUpdatedBy.ShouldBe("admin-sub");
    }

    [Fact]
    public async Task Delete_Twice_SecondReturns404()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));
        await _handler.HandleAsync(Requests.Delete("SUMMER-25"), default);

        (await _handler.HandleAsync(Requests.Delete("SUMMER-25"), default)).ShouldBeJson(404);
    }

    [Fact]
    public async Task Delete_WhenMissing_Returns404()
    {
        (await _handler.HandleAsync(Requests.Delete("NOPE"), default)).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Delete_WhenIfMatchStale_Returns412()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", version: 3));

        (await _handler.HandleAsync(Requests.Delete("SUMMER-25", new() { ["if-match"] = "\"2\"" }), default)).ShouldBeJson(412);
        _store.Peek("SUMMER-25")!.Status.ShouldBe(CampaignStatus.Active);
    }

    [Fact]
    public async Task Delete_WhenCodeInvalid_Returns400()
    {
        (await _handler.HandleAsync(Requests.Delete("x"), default)).ShouldBeProblemFor("code");
    }

    [Fact]
    public async Task WarmUp_ProbesTheUpdatePath()
    {
        await WarmUp.RunAsync(_handler, _store);

        _store.Probed.ShouldBe([StoreOperation.Update]);
    }
}
