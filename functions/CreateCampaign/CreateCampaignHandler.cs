using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;

namespace Campaigns.Functions.CreateCampaign;

/// <summary>POST /v1.0/campaigns: creates a campaign; a code is never reused, even after a soft delete.</summary>
internal sealed class CreateCampaignHandler(ICampaignStore store, TimeProvider time, WriteAccess access) : IHttpEndpoint
{
    public StoreOperation StoreOperation => StoreOperation.Create;

    public SuccessBody SuccessBody => SuccessBody.Campaign;

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        // Before anything else: an unauthorized caller learns nothing about the body, the path or the store.
        if (!access.TryAuthorize(request, out string caller, out var denied))
        {
            return denied;
        }

        if (!CampaignBody.TryRead(request, pathCode: null, out var draft, out var problem))
        {
            return problem;
        }

        var campaign = NewCampaign.From(draft, Guid.NewGuid(), UtcTimestamp.Now(time), caller);
        if (!await store.TryCreateAsync(campaign, cancellationToken))
        {
            return Problems.Conflict(campaign.Code);
        }

        var response = Responses.Campaign(201, campaign);
        response.Headers!["location"] = "/v1.0/campaigns/" + campaign.Code;
        return response;
    }
}
