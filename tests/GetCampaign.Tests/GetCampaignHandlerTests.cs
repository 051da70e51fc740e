using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Functions.GetCampaign;
using Campaigns.Testing;

namespace Campaigns.Functions.GetCampaign.Tests;

public sealed class GetCampaignHandlerTests
{
    private readonly FakeCampaignStore _store = new();
    private readonly GetCampaignHandler _handler;

    public GetCampaignHandlerTests() => _handler = new GetCampaignHandler(_store);

    [Fact]
    public async Task Get_WhenExists_Returns200WithCampaignAndETag()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", version: 3));

        var response = await _handler.HandleAsync(Requests.Get("summer-25"), default);

        var body = response.ShouldBeJson(200);
        SuccessBodies.Of(response).ShouldBe(_handler.SuccessBody);
        body.GetProperty("code").GetString().ShouldBe("SUMMER-25");
        body.GetProperty("discountPercentage").GetDecimal().ShouldBe(12.5m);
        body.GetProperty("fromDate").GetString().ShouldBe("2025-06-01");
        body.GetProperty("dateCreated").GetString().ShouldBe("2025-06-15T10:30:00.123Z");
        body.GetProperty("version").GetInt64().ShouldBe(3);
        body.GetProperty("active").GetBoolean().ShouldBeTrue();
        response.Headers!["etag"].ShouldBe("\"3\"");
    }

    [Fact]
    public async Task Get_ReturnsExactlyTheContractFields()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));

        var body = (await _handler.HandleAsync(Requests.Get("SUMMER-25"), default)).ShouldBeJson(200);

        body.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["code", "id", "description", "discountPercentage", "productId", "termsConditionsLink", "fromDate", "toDate", "status", "active", "dateCreated", "dateLastUpdated", "version"]);
    }

    [Fact]
    public async Task Get_WhenIfNoneMatchCurrent_Returns304WithoutBody()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", version: 2));

        var response = await _handler.HandleAsync(Requests.Get("SUMMER-25", headers: new() { ["if-none-match"] = "\"2\"" }), default);

        response.StatusCode.ShouldBe(304);
        response.Body.ShouldBeNull();
        response.Headers!["etag"].ShouldBe("\"2\"");
    }

    [Fact]
    public async Task Get_WhenIfNoneMatchStale_Returns200()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", version: 2));

        var response = await _handler.HandleAsync(Requests.Get("SUMMER-25", headers: new() { ["if-none-match"] = "\"1\"" }), default);

        response.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task Get_WhenMissing_Returns404()
    {
        var problem = (await _handler.HandleAsync(Requests.Get("NOPE"), default)).ShouldBeJson(404);

        problem.GetProperty("title").GetString().ShouldBe("Not found");
    }

    [Fact]
    public async Task Get_WhenSoftDeleted_Returns404()
    {
        _store.Seed(Samples.Campaign("GONE", CampaignStatus.Deleted));

        (await _handler.HandleAsync(Requests.Get("GONE"), default)).StatusCode.ShouldBe(404);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a#b#c")]
    [InlineData("ΑΒΓ")]
    public async Task Get_WhenCodeInvalid_Returns400AndSkipsStore(string code)
    {
        (await _handler.HandleAsync(Requests.Get(code), default)).ShouldBeProblemFor("code");
        _store.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task WarmUp_ProbesTheGetPath()
    {
        await WarmUp.RunAsync(_handler, _store);

        _store.Probed.ShouldBe([StoreOperation.Get]);
    }
}
