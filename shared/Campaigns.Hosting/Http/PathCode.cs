using System.Diagnostics.CodeAnalysis;
using Campaigns.Domain.Validation;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>The <c>{code}</c> path parameter: case-insensitive, so normalised before use.</summary>
public static class PathCode
{
    public static bool TryRead(HttpApiRequest request, out string code, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        if (CampaignCode.TryNormalize(request.GetPathParameter(FieldNames.Code), out code))
        {
            problem = null;
            return true;
        }

        problem = Problems.BadRequest("The campaign code in the path is invalid.", FieldNames.Code, CampaignCode.Rule);
        return false;
    }
}
