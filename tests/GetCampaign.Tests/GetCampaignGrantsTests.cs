using System.Reflection;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Testing;
using Campaigns.Testing.Grants;

namespace Campaigns.Functions.GetCampaign.Tests;

public sealed class GetCampaignGrantsTests : FunctionGrantsContract
{
    protected override string FunctionName => "get_campaign";

    protected override Assembly FunctionAssembly => typeof(GetCampaignHandler).Assembly;

    protected override IHttpEndpoint CreateEndpoint(CampaignServices services) => new GetCampaignHandler(services.Store);

    protected override async Task ExerciseAsync(RecordedFunction recorded)
    {
        await recorded.Seed.TryCreateAsync(Samples.Campaign("GRANT-1"), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("GRANT-2"), default);
        await recorded.Seed.DeleteAsync(new CampaignDeletion("GRANT-2", Samples.Now.UtcDateTime, "seed", null), default);

        await recorded.ExpectAsync(200, Requests.Get("grant-1"));
        await recorded.ExpectAsync(304, Requests.Get("grant-1", headers: new() { ["if-none-match"] = "\"1\"" }));
        await recorded.ExpectAsync(404, Requests.Get("grant-2"));
        await recorded.ExpectAsync(404, Requests.Get("missing"));
        await recorded.ExpectAsync(400, Requests.Get("not a code!"));
    }
}
