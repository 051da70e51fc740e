using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;

namespace Campaigns.Functions.GetCampaign;

/// <summary>GET /v1.0/campaigns/{code}: the campaign with its ETag, or 304 when the client's copy is current.</summary>
internal sealed class GetCampaignHandler(ICampaignStore store) : IHttpEndpoint
{
    public StoreOperation StoreOperation => StoreOperation.Get;

    public SuccessBody SuccessBody => SuccessBody.Campaign;

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        if (!PathCode.TryRead(request, out string code, out var problem))
        {
            return problem;
        }

        var campaign = await store.GetAsync(code, cancellationToken);
        if (campaign is null || campaign.Status == CampaignStatus.Deleted)
        {
            return Problems.NotFound(code);
        }

        if (request.GetHeader("if-none-match") is { } ifNoneMatch && EntityTag.NoneMatchHits(ifNoneMatch, campaign.Version))
        {
            return Responses.NotModified(campaign.Version);
        }

        return Responses.Campaign(200, campaign);
    }
}
