using System.Reflection;
using Campaigns.Hosting;
using Campaigns.Testing;
using Campaigns.Testing.Grants;

namespace Campaigns.Functions.CreateCampaign.Tests;

public sealed class CreateCampaignGrantsTests : FunctionGrantsContract
{
    protected override string FunctionName => "create_campaign";

    protected override Assembly FunctionAssembly => typeof(CreateCampaignHandler).Assembly;

    protected override IHttpEndpoint CreateEndpoint(CampaignServices services) => new CreateCampaignHandler(services.Store, services.Time, services.WriteAccess);

    protected override async Task ExerciseAsync(RecordedFunction recorded)
    {
        await recorded.ExpectAsync(201, Requests.Post(Samples.Body("grant-1")));
        await recorded.ExpectAsync(409, Requests.Post(Samples.Body("grant-1")));
        var invalid = Samples.Body("grant-2");
        invalid["discountPercentage"] = 0;
        await recorded.ExpectAsync(400, Requests.Post(invalid));
    }
}
