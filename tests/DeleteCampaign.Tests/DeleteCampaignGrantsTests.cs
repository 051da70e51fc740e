using System.Reflection;
using Campaigns.Hosting;
using Campaigns.Testing;
using Campaigns.Testing.Grants;

namespace Campaigns.Functions.DeleteCampaign.Tests;

public sealed class DeleteCampaignGrantsTests : FunctionGrantsContract
{
    protected override string FunctionName => "delete_campaign";

    protected override Assembly FunctionAssembly => typeof(DeleteCampaignHandler).Assembly;

    protected override IHttpEndpoint CreateEndpoint(CampaignServices services) => new DeleteCampaignHandler(services.Store, services.Time, services.WriteAccess);

    protected override async Task ExerciseAsync(RecordedFunction recorded)
    {
        await recorded.Seed.TryCreateAsync(Samples.Campaign("GRANT-1"), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("GRANT-2"), default);

        await recorded.ExpectAsync(412, Requests.Delete("grant-1", IfMatch("\"7\"")));
        await recorded.ExpectAsync(204, Requests.Delete("grant-1", IfMatch("\"1\"")));
        await recorded.ExpectAsync(404, Requests.Delete("grant-1"));
        await recorded.ExpectAsync(404, Requests.Delete("missing"));
        await recorded.ExpectAsync(204, Requests.Delete("grant-2"));
        await recorded.ExpectAsync(400, Requests.Delete("not a code!"));
    }

    private static Dictionary<string, string> IfMatch(string value) => new() { ["if-match"] = value };
}
