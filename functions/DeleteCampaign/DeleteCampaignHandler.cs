using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;

namespace Campaigns.Functions.DeleteCampaign;

/// <summary>DELETE /v1.0/campaigns/{code}: a soft delete; the item stays, marked DELETED and inactive.</summary>
internal sealed class DeleteCampaignHandler(ICampaignStore store, TimeProvider time, WriteAccess access) : IHttpEndpoint
{
    public StoreOperation StoreOperation => StoreOperation.Update;

    public SuccessBody SuccessBody => SuccessBody.None;

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        if (!WriteTarget.TryRead(request, access, out var target, out var problem))
        {
            return problem;
        }

        var deletion = new CampaignDeletion(target.Code, UtcTimestamp.Now(time), target.Caller, target.ExpectedVersions);
        var outcome = await store.DeleteAsync(deletion, cancellationToken);
        return outcome.Status == WriteStatus.Succeeded
            ? Responses.NoContent()
            : Problems.NotWritten(outcome.Status, target.Code);
    }
}
