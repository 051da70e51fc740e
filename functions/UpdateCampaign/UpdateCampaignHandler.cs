using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;

namespace Campaigns.Functions.UpdateCampaign;

/// <summary>PUT /v1.0/campaigns/{code}: replaces the editable fields in one conditional write.</summary>
internal sealed class UpdateCampaignHandler(ICampaignStore store, TimeProvider time, WriteAccess access) : IHttpEndpoint
{
    public StoreOperation StoreOperation => StoreOperation.Update;

    public SuccessBody SuccessBody => SuccessBody.Campaign;

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        if (!WriteTarget.TryRead(request, access, out var target, out var problem)
            || !CampaignBody.TryRead(request, target.Code, out var draft, out problem))
        {
            return problem;
        }

        var changes = new CampaignChanges(target.Code, draft, UtcTimestamp.Now(time), target.Caller, target.ExpectedVersions);
        var outcome = await store.UpdateAsync(changes, cancellationToken);
        return outcome.Status == WriteStatus.Succeeded
            ? Responses.Campaign(200, outcome.Campaign!)
            : Problems.NotWritten(outcome.Status, target.Code);
    }
}
