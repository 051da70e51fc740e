using System.Diagnostics.CodeAnalysis;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>
/// Who may write, checked by each write function before it reads the request any further. API Gateway's JWT
/// authorizer already requires a valid token with the scope; this check holds where the authorizer is bypassed
/// (a direct invoke with a forged or empty <c>requestContext</c>) or misconfigured.
/// <list type="bullet">
/// <item>The caller is the authorizer's <c>sub</c> claim: stable, and not personal data such as an e-mail address.
/// None (no authorizer, no claims, a blank <c>sub</c>) answers 401.</item>
/// <item>The scope counts only as an element of <c>requestContext.authorizer.jwt.scopes</c>, the array API Gateway
/// builds from the verified token's <c>scope</c> or <c>scp</c> claim; compared exactly and case-sensitively, as OAuth
/// scopes are. Claims are not parsed a second time: a <c>scope</c> claim string is not a grant here. Missing: 403.</item>
/// <item>Without a configured scope (<c>WRITE_SCOPE</c> unset, local runs) only the caller is required.</item>
/// </list>
/// </summary>
public sealed class WriteAccess
{
    /// <summary>The environment variable that names the scope.</summary>
    public const string ScopeVariable = "WRITE_SCOPE";

    public WriteAccess(string? requiredScope)
    {
        if (requiredScope is { Length: > 0 } && !IsScopeToken(requiredScope))
        {
            // It goes into a www-authenticate header: refuse at init what could break or inject into it.
            throw new InvalidOperationException($"Environment variable {ScopeVariable} is not a single OAuth scope.");
        }

        RequiredScope = requiredScope is { Length: > 0 } ? requiredScope : null;
    }

    /// <summary>The scope a writer must hold; null when only an identity is required.</summary>
    public string? RequiredScope { get; }

    /// <summary>The caller's <c>sub</c>, or the 401 or 403 problem to answer instead.</summary>
    public bool TryAuthorize(HttpApiRequest request, out string caller, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jwt = request.RequestContext?.Authorizer?.Jwt;
        caller = string.Empty;
        if (jwt?.Claims is not { } claims || !claims.TryGetValue("sub", out string? sub) || string.IsNullOrWhiteSpace(sub))
        {
            problem = Unauthorized();
            return false;
        }

        if (RequiredScope is { } scope && jwt.Scopes?.Contains(scope, StringComparer.Ordinal) != true)
        {
            problem = Forbidden(scope);
            return false;
        }

        caller = sub;
        problem = null;
        return true;
    }

    private static HttpApiResponse Unauthorized()
    {
        var response = Responses.Problem(new ProblemDetails
        {
            Type = "/problems/unauthorized",
            Title = "Unauthorized",
            Status = 401,
            Detail = "Writing needs a bearer token that identifies its caller.",
        });
        response.Headers!["www-authenticate"] = "Bearer";
        return response;
    }

    private static HttpApiResponse Forbidden(string scope)
    {
        var response = Responses.Problem(new ProblemDetails
        {
            Type = "/problems/forbidden",
            Title = "Forbidden",
            Status = 403,
            Detail = $"Writing needs a token with the scope '{scope}'.",
        });
        response.Headers!["www-authenticate"] = $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"";
        return response;
    }

    // RFC 6749's scope-token: printable ASCII other than space, '"' and '\'. (A loop, not a Regex: the
    // regular expression engine would add to every write function's binary for one check at init.)
    private static bool IsScopeToken(string scope)
    {
        foreach (char c in scope)
        {
            if (c is < '!' or > '~' or '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }
}
