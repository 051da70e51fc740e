using System.Text;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.CreateCampaign.Tests;

public sealed class CreateCampaignHandlerTests
{
    private readonly FakeCampaignStore _store = new();
    private readonly CreateCampaignHandler _handler;

    public CreateCampaignHandlerTests() => _handler = new CreateCampaignHandler(_store, new FakeTimeProvider(Samples.Now), new WriteAccess(Samples.WriteScope));

    [Fact]
    public async Task Create_WhenValid_Returns201WithLocationAndStoresCampaign()
    {
        var request = Requests.Post(Samples.Body("summer-25"));

        var response = await _handler.HandleAsync(request, default);

        var body = response.ShouldBeJson(201);
        SuccessBodies.Of(response).ShouldBe(_handler.SuccessBody);
        response.Headers!["location"].ShouldBe("/v1.0/campaigns/SUMMER-25");
        response.Headers["etag"].ShouldBe("\"1\"");
        body.GetProperty("code").GetString().ShouldBe("SUMMER-25");
        body.GetProperty("status").GetString().ShouldBe("ACTIVE");
        body.GetProperty("active").GetBoolean().ShouldBeTrue();
        body.GetProperty("version").GetInt64().ShouldBe(1);
        body.GetProperty("dateCreated").GetString().ShouldBe("2025-06-15T10:30:00.123Z");
        body.GetProperty("dateLastUpdated").GetString().ShouldBe("2025-06-15T10:30:00.123Z");
        Guid.TryParse(body.GetProperty("id").GetString(), out _).ShouldBeTrue();
        var stored = _store.Peek("SUMMER-25").ShouldNotBeNull();
        stored.Id.ToString().ShouldBe(body.GetProperty("id").GetString());
        stored.LastUpdatedBy.ShouldBe(Samples.Writer);
    }

    [Fact]
    public async Task Create_WhenStatusGiven_KeepsIt()
    {
        var body = Samples.Body();
        body["status"] = "DRAFT";

        (await _handler.HandleAsync(Requests.Post(body), default)).ShouldBeJson(201).GetProperty("status").GetString().ShouldBe("DRAFT");
    }

    [Fact]
    public async Task Create_WhenCodeExists_Returns409()
    {
        _store.Seed(Samples.Campaign("SUMMER-25"));

        var problem = (await _handler.HandleAsync(Requests.Post(Samples.Body("Summer-25")), default)).ShouldBeJson(409);

        problem.GetProperty("status").GetInt32().ShouldBe(409);
    }

    [Fact]
    public async Task Create_WhenCodeSoftDeleted_Returns409()
    {
        _store.Seed(Samples.Campaign("SUMMER-25", CampaignStatus.Deleted));

        (await _handler.HandleAsync(Requests.Post(Samples.Body()), default)).StatusCode.ShouldBe(409);
    }

    [Fact]
    public async Task Create_WhenBase64Body_DecodesIt()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Samples.Body("b64-code").ToJsonString()));

        var response = await _handler.HandleAsync(Requests.Post(null).WithBody(encoded, base64: true), default);

        response.ShouldBeJson(201).GetProperty("code").GetString().ShouldBe("B64-CODE");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Create_WhenBodyNotAnObject_Returns400NamingBody(string? body)
    {
        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).ShouldBeProblemFor("body");
        _store.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Create_WhenFieldsInvalid_Returns400WithEveryField()
    {
        var body = Samples.Body("x");
        body["discountPercentage"] = "10";
        body["toDate"] = "2025-02-30";

        var problem = (await _handler.HandleAsync(Requests.Post(body), default)).ShouldBeJson(400);

        problem.GetProperty("type").GetString().ShouldBe("/problems/validation-error");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["code", "discountPercentage", "toDate"], ignoreOrder: true);
        _store.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task WarmUp_ProbesTheCreatePath()
    {
        await WarmUp.RunAsync(_handler, _store);

        _store.Probed.ShouldBe([StoreOperation.Create]);
    }
}
