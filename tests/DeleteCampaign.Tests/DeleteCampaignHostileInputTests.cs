using Campaigns.Domain.Model;
using Campaigns.Hosting.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.DeleteCampaign.Tests;

public sealed class DeleteCampaignHostileInputTests
{
    [Fact]
    public async Task Delete_HostileIfMatchHeadersAndBodies_NeverAnswer5xx()
    {
        var bodies = HostileInput.Bodies(2000).ToList();
        int index = 0;
        foreach (string header in HostileInput.HeaderValues(2000))
        {
            var store = new FakeCampaignStore();
            store.Seed(Samples.Campaign("SUMMER-25"));
            var handler = new DeleteCampaignHandler(store, new FakeTimeProvider(Samples.Now.AddDays(1)), new WriteAccess(Samples.WriteScope));

            // A DELETE body is ignored, whatever it holds.
            var request = Requests.Delete("SUMMER-25", new() { ["if-match"] = header }).WithBody(bodies[index++]);

            var response = await handler.HandleAsync(request, default);

            response.StatusCode.ShouldBeOneOf([204, 400, 412], HostileInput.Printable(header));
            (store.Peek("SUMMER-25")!.Status == CampaignStatus.Deleted).ShouldBe(response.StatusCode == 204);
        }
    }

    [Fact]
    public async Task Delete_HostilePathCodes_NeverAnswer5xx()
    {
        var store = new FakeCampaignStore();
        var handler = new DeleteCampaignHandler(store, new FakeTimeProvider(Samples.Now), new WriteAccess(Samples.WriteScope));
        foreach (string code in HostileInput.Codes(2000))
        {
            (await handler.HandleAsync(Requests.Delete(code), default)).StatusCode.ShouldBeOneOf([400, 404], HostileInput.Printable(code));
        }
    }
}
