using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>Who made a write, from the JWT authorizer's claims: email, else sub, else "anonymous".</summary>
public static class CallerIdentity
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpApiRequest request)
    {
        var claims = request.RequestContext?.Authorizer?.Jwt?.Claims;
        if (claims is null)
        {
            return Anonymous;
        }

        if (claims.TryGetValue("email", out string? email) && !string.IsNullOrWhiteSpace(email))
        {
            return email;
        }

        return claims.TryGetValue("sub", out string? sub) && !string.IsNullOrWhiteSpace(sub) ? sub : Anonymous;
    }
}
