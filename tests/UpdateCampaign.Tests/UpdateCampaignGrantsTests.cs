using System.Reflection;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Testing;
using Campaigns.Testing.Grants;

namespace Campaigns.Functions.UpdateCampaign.Tests;

public sealed class UpdateCampaignGrantsTests : FunctionGrantsContract
{
    protected override string FunctionName => "update_campaign";

    protected override Assembly FunctionAssembly => typeof(UpdateCampaignHandler).Assembly;

    protected override IHttpEndpoint CreateEndpoint(CampaignServices services) => new UpdateCampaignHandler(services.Store, services.Time, services.WriteAccess);

    protected override async Task ExerciseAsync(RecordedFunction recorded)
    {
        await recorded.Seed.TryCreateAsync(Samples.Campaign("GRANT-1"), default);
        await recorded.Seed.TryCreateAsync(Samples.Campaign("GRANT-2"), default);
        await recorded.Seed.DeleteAsync(new CampaignDeletion("GRANT-2", Samples.Now.UtcDateTime, "seed", null), default);

        await recorded.ExpectAsync(200, Requests.Put("grant-1", Body("grant-1"), IfMatch("\"1\"")));
        await recorded.ExpectAsync(412, Requests.Put("grant-1", Body("grant-1"), IfMatch("\"1\"")));
        await recorded.ExpectAsync(412, Requests.Put("grant-1", Body("grant-1"), IfMatch("W/\"2\"")));
        await recorded.ExpectAsync(404, Requests.Put("grant-2", Body("grant-2")));
        await recorded.ExpectAsync(404, Requests.Put("missing", Body("missing")));
        await recorded.ExpectAsync(400, Requests.Put("grant-1", Body("grant-1"), IfMatch("not a tag")));
    }

    private static System.Text.Json.Nodes.JsonObject Body(string code)
    {
        var body = Samples.Body(code);
        body.Remove("code");
        return body;
    }

    private static Dictionary<string, string> IfMatch(string value) => new() { ["if-match"] = value };
}
