using System.Diagnostics.CodeAnalysis;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>
/// What a write to an existing campaign (update, delete) reads from its request, in this order: the
/// writer first, so that an unauthorized caller learns nothing about the path or the store, then the
/// code in the path, then <c>If-Match</c>.
/// </summary>
public sealed record WriteTarget(string Caller, string Code, IReadOnlyList<long>? ExpectedVersions)
{
    public static bool TryRead(HttpApiRequest request, WriteAccess access, [NotNullWhen(true)] out WriteTarget? target, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        ArgumentNullException.ThrowIfNull(access);
        target = null;
        if (!access.TryAuthorize(request, out string caller, out problem)
            || !PathCode.TryRead(request, out string code, out problem)
            || !IfMatch.TryRead(request, out var expectedVersions, out problem))
        {
            return false;
        }

        target = new WriteTarget(caller, code, expectedVersions);
        return true;
    }
}
