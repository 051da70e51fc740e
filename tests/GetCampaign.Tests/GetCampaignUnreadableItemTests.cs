using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Campaigns.Lambda.Runtime;
using Campaigns.Testing;

namespace Campaigns.Functions.GetCampaign.Tests;

[Trait("Category", "Integration")]
public sealed class GetCampaignUnreadableItemTests : IAsyncLifetime
{
    private static readonly LambdaContext Context = new("req-1", Samples.Now.AddSeconds(10), "arn:aws:lambda:eu-west-1:123456789012:function:get", null, "get");
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task Get_WhenTheItemCannotBeRead_Answers500GenericProblem_LogsItsKeyAndCountsIt()
    {
        var log = new LogWriter();
        var function = UnreadableItems.Function(_table, store => new GetCampaignHandler(store), log);
        await _table.PutMalformedAsync("BROKEN", "discountPercentage", new AttributeValue { S = "secret-99" });

        var response = await function.HandleAsync(Requests.Get("broken"), Context, default);

        var problem = response.ShouldBeJson(500);
        problem.GetProperty("type").GetString().ShouldBe("/problems/internal-error");
        problem.GetProperty("detail").GetString().ShouldBe("An unexpected error occurred.");
        response.Body!.ShouldNotContain("secret-99");
        response.Body!.ShouldNotContain("discountPercentage");
        response.Body!.ShouldNotContain("CAMPAIGN#");
        var lines = log.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Where(l => l.TryGetProperty("level", out var level) && level.GetString() == "ERROR").Select(l => l.GetProperty("message").GetString())
            .ShouldBe(["Unreadable campaign item CAMPAIGN#BROKEN: no valid 'discountPercentage' attribute"]);
        lines.Count(l => l.TryGetProperty("UnreadableItems", out _)).ShouldBe(1);
        log.Text.ShouldNotContain("secret-99");
    }

    [Fact]
    public async Task Get_WhenAnotherItemCannotBeRead_AnswersThisOneAsUsual()
    {
        var log = new LogWriter();
        var function = UnreadableItems.Function(_table, store => new GetCampaignHandler(store), log);
        await _table.PutMalformedAsync("BROKEN", "version", null);
        await _table.Client.PutItemAsync(new PutItemRequest { TableName = _table.Name, Item = Campaigns.Domain.Storage.CampaignItemMapper.ToItem(Samples.Campaign("FINE")) });

        (await function.HandleAsync(Requests.Get("fine"), Context, default)).ShouldBeJson(200);
        log.Text.ShouldNotContain("UnreadableItems");
    }
}
