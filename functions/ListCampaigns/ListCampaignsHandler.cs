using System.Globalization;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;

namespace Campaigns.Functions.ListCampaigns;

/// <summary>GET /v1.0/campaigns: ACTIVE, not yet ended campaigns by code, a page at a time.</summary>
internal sealed class ListCampaignsHandler(ICampaignStore store, TimeProvider time) : IHttpEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public StoreOperation StoreOperation => StoreOperation.List;

    public SuccessBody SuccessBody => SuccessBody.Page;

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        int limit = DefaultLimit;
        if (request.GetQueryParameter("limit") is { } rawLimit
            && (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Problems.BadRequest("The limit query parameter is invalid.", "limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        string? afterCode = null;
        if (request.GetQueryParameter("nextToken") is { Length: > 0 } token && !PageToken.TryDecode(token, out afterCode))
        {
            return Problems.BadRequest("The nextToken query parameter is invalid.", "nextToken", "must be a nextToken returned by this API");
        }

        var page = await store.ListActiveAsync(UtcTimestamp.Today(time), limit, afterCode, cancellationToken);
        return Responses.Page(page);
    }
}
