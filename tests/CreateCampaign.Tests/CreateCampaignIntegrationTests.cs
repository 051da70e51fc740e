using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Testing;

namespace Campaigns.Functions.CreateCampaign.Tests;

[Trait("Category", "Integration")]
public sealed class CreateCampaignIntegrationTests : IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();

    public Task InitializeAsync() => _table.InitializeAsync();

    public Task DisposeAsync() => _table.DisposeAsync();

    [Fact]
    public async Task Create_WhenTwentyClientsPostSameCode_ExactlyOneGets201()
    {
        var handler = new CreateCampaignHandler(new DynamoDbCampaignStore(_table.Client, _table.Name), TimeProvider.System, new WriteAccess(Samples.WriteScope));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => handler.HandleAsync(Requests.Post(Samples.Body("race-1")), default)));

        responses.Count(r => r.StatusCode == 201).ShouldBe(1);
        responses.Count(r => r.StatusCode == 409).ShouldBe(19);
    }

    [Fact]
    public async Task Create_ThenRead_ReturnsWhatWasAcknowledged()
    {
        var store = new DynamoDbCampaignStore(_table.Client, _table.Name);
        var handler = new CreateCampaignHandler(store, TimeProvider.System, new WriteAccess(Samples.WriteScope));

        var created = (await handler.HandleAsync(Requests.Post(Samples.Body("kept-1")), default)).ShouldBeJson(201);

        var stored = await store.GetAsync("KEPT-1", default);
        stored.ShouldNotBeNull().Id.ToString().ShouldBe(created.GetProperty("id").GetString());
        stored.DiscountPercentage.ShouldBe(12.5m);
    }
}
