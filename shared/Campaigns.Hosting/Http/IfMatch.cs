using System.Diagnostics.CodeAnalysis;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>Reads the optional If-Match header of writes.</summary>
public static class IfMatch
{
    public const string HeaderName = "if-match";

    // A bound on the list keeps the conditional expression small; real clients send one tag.
    private const int MaxTags = 20;

    /// <param name="versions">Null when any version may be written (no header, or <c>*</c>); else the versions that match (maybe none).</param>
    public static bool TryRead(HttpApiRequest request, out IReadOnlyList<long>? versions, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        problem = null;
        versions = null;
        string? header = request.GetHeader(HeaderName);
        if (header is null)
        {
            return true;
        }

        if (EntityTag.TryParseIfMatch(header, out versions) && versions is not { Count: > MaxTags })
        {
            return true;
        }

        problem = Problems.BadRequest("The If-Match header is not a valid entity-tag list.", "If-Match", "must be * or a list of entity tags such as \"3\"");
        return false;
    }
}
