using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.UpdateCampaign.Tests;

public sealed class UpdateCampaignHandlerTests
{
    private static readonly DateTimeOffset Later = Samples.Now.AddMinutes(5);
    private readonly FakeCampaignStore _store = new();
    private readonly UpdateCampaignHandler _handler;

    public UpdateCampaignHandlerTests() => _handler = new UpdateCampaignHandler(_store, new FakeTimeProvider(Later), new WriteAccess(Samples.WriteScope));

    [Fact]
    public async Task Update_WhenValid_Returns200WithBumpedVersionAndKeptIdentity()
    {
        var original = Samples.Campaign("SUMMER-25");
        _store.Seed(original);
        var body = Samples.Body();
        body.Remove("code");
        body["description"] = "New text";
        var request = Requests.Put("summer-25", body, new() { ["if-match"] = "\"1\"" }).WithClaims(new() { ["sub"] = "user-7" });

        var response = await _handler.HandleAsync(request, default);

        var json = response.ShouldBeJson(200);
        SuccessBodies.Of(response).ShouldBe(_handler.SuccessBody);
        json.GetProperty("description").GetString().ShouldBe("New text");
        json.GetProperty("version").GetInt64().ShouldBe(2);
        json.GetProperty("id").GetString().ShouldBe(original.Id.ToString());
        json.GetProperty("dateCreated").GetString().ShouldBe("2025-06-15T10:30:00.123Z");
        json.GetProperty("dateLastUpdated").GetString().ShouldBe("2025-06-15T10:35:00.123Z");
        json.GetProperty("status").GetString().ShouldBe("ACTIVE");
        response.Headers!["etag"].ShouldBe("\"2\"");
        _store.Peek("SUMMER-25")!.LastUpdatedBy.ShouldBe("user-7");
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Succeeds()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", version: 4));

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body()), default)).ShouldBeJson(200).GetProperty("version").GetInt64().ShouldBe(5);
    }

    [Fact]
    public async Task Update_WithStatus_ChangesIt()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));
        var body = Samples.Body();
        body["status"] = "PAUSED";

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", body), default)).ShouldBeJson(200).GetProperty("status").GetString().ShouldBe("PAUSED");
    }

    [Fact]
    public async Task Update_WhenIfMatchStale_Returns412AndWritesNothing()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", version: 2));

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body(), new() { ["if-match"] = "\"1\"" }), default)).ShouldBeJson(412);
        _store.Peek("SUMMER-25")!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Update_WhenIfMatchWeak_Returns412()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body(), new() { ["if-match"] = "W/\"1\"" }), default)).StatusCode.ShouldBe(412);
    }

    [Fact]
    public async Task Update_WhenIfMatchGarbage_Returns400NamingIt()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body(), new() { ["if-match"] = "garbage" }), default)).ShouldBeProblemFor("If-Match");
    }

    [Fact]
    public async Task Update_WhenMissing_Returns404()
    {
        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body()), default)).ShouldBeJson(404);
    }

    [Fact]
    public async Task Update_WhenDeleted_Returns404()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", CampaignStatus.Deleted));

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body(), new() { ["if-match"] = "\"1\"" }), default)).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Update_WhenBodyCodeDiffers_Returns400()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", Samples.Body("WINTER-25")), default)).ShouldBeJson(400)
            .GetProperty("errors").GetProperty("code")[0].GetString().ShouldBe("must match the code in the path");
    }

    [Fact]
    public async Task Update_WhenRequiredFieldMissing_Returns400()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));
        var body = Samples.Body();
        body.Remove("termsConditionsLink");

        (await _handler.HandleAsync(Requests.Put("SUMMER-25", body), default)).ShouldBeProblemFor("termsConditionsLink").ShouldBe(["is required"]);
    }

    [Fact]
    public async Task Update_WhenPathCodeInvalid_Returns400()
    {
        (await _handler.HandleAsync(Requests.Put("no spaces", Samples.Body()), default)).ShouldBeProblemFor("code");
    }

    [Fact]
    public async Task Update_WhenBodyMissing_Returns400()
    {
        (await _handler.HandleAsync(Requests.Put("SUMMER-25", null), default)).ShouldBeProblemFor("body");
    }

    [Fact]
    public async Task WarmUp_ProbesTheUpdatePath()
    {
        await WarmUp.RunAsync(_handler, _store);

        _store.Probed.ShouldBe([StoreOperation.Update]);
    }
}
