using System.Text.Json;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.ListCampaigns.Tests;

public sealed class ListCampaignsHandlerTests
{
    private readonly FakeCampaignStore _store = new();
    private readonly ListCampaignsHandler _handler;

    // Samples end on 2025-08-31; "today" is 2025-06-15.
    public ListCampaignsHandlerTests() => _handler = new ListCampaignsHandler(_store, new FakeTimeProvider(Samples.Now));

    [Fact]
    public async Task List_ReturnsActiveCurrentCampaignsAndNullNextToken()
    {
        _store.Seed(Samples.Campaign("BBB"));
        _store.Seed(Samples.Campaign("AAA"));
        _store.Seed(Samples.Campaign("OLD", toDate: new DateOnly(2025, 6, 14)));
        _store.Seed(Samples.Campaign("TODAY", toDate: new DateOnly(2025, 6, 15)));
        _store.Seed(Samples.Campaign("DRAFT", CampaignStatus.Draft));

        var body = (await _handler.HandleAsync(Requests.Get(), default)).ShouldBeJson(200);

        Codes(body).ShouldBe(["AAA", "BBB", "TODAY"]);
        body.GetProperty("nextToken").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task List_WhenEmpty_ReturnsEmptyItems()
    {
        var body = (await _handler.HandleAsync(Requests.Get(), default)).ShouldBeJson(200);

        body.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task List_WithoutLimit_ReturnsFiftyPerPage()
    {
        for (int i = 0; i < 51; i++)
        {
            _store.Seed(Samples.Campaign($"C{i:D3}"));
        }

        var body = (await _handler.HandleAsync(Requests.Get(), default)).ShouldBeJson(200);

        body.GetProperty("items").GetArrayLength().ShouldBe(50);
        body.GetProperty("nextToken").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task List_FollowingNextToken_VisitsEveryCampaignOnce()
    {
        for (int i = 0; i < 7; i++)
        {
            _store.Seed(Samples.Campaign($"C{i:D3}"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var query = new Dictionary<string, string> { ["limit"] = "3" };
            if (token is not null)
            {
                query["nextToken"] = token;
            }

            var body = (await _handler.HandleAsync(Requests.Get(query: query), default)).ShouldBeJson(200);
            seen.AddRange(Codes(body));
            token = body.GetProperty("nextToken").GetString();
        }
        while (token is not null);

        seen.ShouldBe(["C000", "C001", "C002", "C003", "C004", "C005", "C006"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task List_WhenLimitInvalid_Returns400NamingLimit(string limit)
    {
        (await _handler.HandleAsync(Requests.Get(query: new() { ["limit"] = limit }), default)).ShouldBeProblemFor("limit");
        _store.Calls.ShouldBe(0);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100")]
    public async Task List_WhenLimitAtBounds_Returns200(string limit)
    {
        var response = await _handler.HandleAsync(Requests.Get(query: new() { ["limit"] = limit }), default);

        response.StatusCode.ShouldBe(200);
        SuccessBodies.Of(response).ShouldBe(_handler.SuccessBody);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("eyJMYXN0RXZhbHVhdGVkS2V5Ijp7fX0")]
    public async Task List_WhenNextTokenTampered_Returns400NamingIt(string token)
    {
        (await _handler.HandleAsync(Requests.Get(query: new() { ["nextToken"] = token }), default)).ShouldBeProblemFor("nextToken");
    }

    private static string[] Codes(JsonElement body) =>
        body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task WarmUp_ProbesTheListPath()
    {
        await WarmUp.RunAsync(_handler, _store);

        _store.Probed.ShouldBe([StoreOperation.List]);
    }
}
