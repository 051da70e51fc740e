using System.Diagnostics.CodeAnalysis;
using Campaigns.Domain.Validation;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>The body of a create or an update: read within <see cref="RequestBody"/>'s limits, then validated.</summary>
public static class CampaignBody
{
    /// <param name="request">The request whose body to read.</param>
    /// <param name="pathCode">The code in the path of an update, which a body's code must equal; null on create.</param>
    /// <param name="draft">The valid campaign the body describes.</param>
    /// <param name="problem">Otherwise the 400 or 413 problem to answer.</param>
    public static bool TryRead(HttpApiRequest request, string? pathCode, [NotNullWhen(true)] out CampaignDraft? draft, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        draft = null;
        if (!RequestBody.TryRead(request, out var document, out problem))
        {
            return false;
        }

        // The draft holds its own strings: nothing of it refers to the document once validated.
        using (document)
        {
            var errors = new ValidationErrors();
            draft = CampaignValidator.Validate(document.RootElement, pathCode, errors);
            if (draft is null)
            {
                problem = Problems.Validation(errors.ToDictionary());
                return false;
            }
        }

        return true;
    }
}
