using System.Reflection;
using System.Text.Json;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Testing;
using Campaigns.Testing.Grants;

namespace Campaigns.Functions.ListCampaigns.Tests;

public sealed class ListCampaignsGrantsTests : FunctionGrantsContract
{
    protected override string FunctionName => "list_campaigns";

    protected override Assembly FunctionAssembly => typeof(ListCampaignsHandler).Assembly;

    protected override IHttpEndpoint CreateEndpoint(CampaignServices services) => new ListCampaignsHandler(services.Store, services.Time);

    protected override async Task ExerciseAsync(RecordedFunction recorded)
    {
        // Ended campaigns sort first, so the first page needs more than one query (the filter runs after Limit).
        var future = new DateOnly(2099, 12, 31);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("A-ENDED-1", toDate: new DateOnly(2020, 1, 31)), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("A-ENDED-2", toDate: new DateOnly(2020, 1, 31)), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("B-LIVE-1", toDate: future), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("B-LIVE-2", toDate: future), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("B-GONE-1", toDate: future), default);
        await recorded.Seed.DeleteAsync(new CampaignDeletion("B-GONE-1", Samples.Now.UtcDateTime, "seed", null), default);

        await recorded.ExpectAsync(200, Requests.Get());
        var first = await recorded.ExpectAsync(200, Requests.Get(query: new() { ["limit"] = "1" }));
        string next = JsonDocument.Parse(first.Body!).RootElement.GetProperty("nextToken").GetString()!;
        await recorded.ExpectAsync(200, Requests.Get(query: new() { ["limit"] = "1", ["nextToken"] = next }));
        await recorded.ExpectAsync(400, Requests.Get(query: new() { ["limit"] = "0" }));
        await recorded.ExpectAsync(400, Requests.Get(query: new() { ["nextToken"] = "not-a-token" }));
    }
}
