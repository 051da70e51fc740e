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
        // Before anything else: an unauthorized caller learns nothing about the body, the path or the store.
        if (!access.TryAuthorize(request, out string caller, out var denied))
        {
            return denied;
        }

        if (!PathCode.TryRead(request, out string code, out var problem)
            || !IfMatch.TryRead(request, out var expectedVersions, out problem))
        {
            return problem;
        }

        var deletion = new CampaignDeletion(code, UtcTimestamp.Now(time), caller, expectedVersions);
        var outcome = await store.DeleteAsync(deletion, cancellationToken);
        return outcome.Status switch
        {
            WriteStatus.Succeeded => Responses.NoContent(),
            WriteStatus.VersionMismatch => Problems.PreconditionFailed(code),
            _ => Problems.NotFound(code),
        };
    }
}
