using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Lambda.Runtime;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.ListCampaigns.Tests;

[Trait("Category", "Integration")]
public sealed class ListCampaignsUnreadableItemTests : IAsyncLifetime
{
    private static readonly LambdaContext Context = new("req-1", Samples.Now.AddSeconds(10), "arn:aws:lambda:eu-west-1:123456789012:function:list", null, "list");
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task List_WhenAnItemCannotBeRead_Answers200WithTheOthers()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        await store.TryCreateAsync(Samples.Campaign("GOOD-1"), default);
        await store.TryCreateAsync(Samples.Campaign("GOOD-2"), default);
        await _table.PutMalformedAsync("BAD-1", "discountPercentage", new AttributeValue { S = "12.5" });

        var response = await new ListCampaignsHandler(store, new FakeTimeProvider(Samples.Now)).HandleAsync(Requests.Get(), default);

        response.ShouldBeJson(200).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["GOOD-1", "GOOD-2"]);
    }

    [Fact]
    public async Task List_WhenAnItemCannotBeRead_LogsItsKeyAtErrorAndCountsIt_WithoutItsValues()
    {
        var log = new LogWriter();
        var function = UnreadableItems.Function(_table, store => new ListCampaignsHandler(store, new FakeTimeProvider(Samples.Now)), log);
        await _table.PutMalformedAsync("BAD-2", "version", new AttributeValue { S = "secret-7" });
        await _table.PutMalformedAsync("BAD-3", "description", null);

        var response = await function.HandleAsync(Requests.Get(), Context, default);

        response.ShouldBeJson(200).GetProperty("items").GetArrayLength().ShouldBe(0);
        var errors = log.Lines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("level", out var level) && level.GetString() == "ERROR").ToList();
        errors.Select(e => e.GetProperty("message").GetString()).ShouldBe([
            "Unreadable campaign item CAMPAIGN#BAD-2: no valid 'version' attribute",
            "Unreadable campaign item CAMPAIGN#BAD-3: no valid 'description' attribute",
        ]);
        var metrics = log.Lines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("_aws", out _)).ToList();
        metrics.Count.ShouldBe(2);
        metrics.ShouldAllBe(m => m.GetProperty("UnreadableItems").GetInt32() == 1 && m.GetProperty("FunctionName").GetString() == "test_function");
        metrics[0].GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString().ShouldBe("Campaigns");
        log.Text.ShouldNotContain("secret-7");
        log.Text.ShouldNotContain("Summer sale");
    }
}
