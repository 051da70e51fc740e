using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
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

        if (!RequestBody.TryRead(request, out var document, out var bodyProblem))
        {
            return bodyProblem;
        }

        using var body = document;

        var errors = new ValidationErrors();
        var draft = CampaignValidator.Validate(body.RootElement, code, errors);
        if (draft is null)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var changes = new CampaignChanges(code, draft, UtcTimestamp.Now(time), caller, expectedVersions);
        var outcome = await store.UpdateAsync(changes, cancellationToken);
        return outcome.Status switch
        {
            WriteStatus.Succeeded => Responses.Campaign(200, outcome.Campaign!),
            WriteStatus.VersionMismatch => Problems.PreconditionFailed(code),
            _ => Problems.NotFound(code),
        };
    }
}
