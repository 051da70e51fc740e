using System.Text.Json;

namespace Campaigns.Emulator.HttpApi;

/// <summary>
/// The <c>scopes</c> the local JWT stand-in puts into <c>requestContext.authorizer.jwt</c>, as API Gateway
/// derives them from the token: the <c>scope</c> claim (space-separated, RFC 8693), else <c>scp</c> (a
/// space-separated string or an array of strings, as some identity providers write it). None: null.
/// API Gateway fills the list on routes with authorization scopes; locally every JWT route gets it, and the
/// function, not the front, decides whether the scope it needs is there.
/// </summary>
internal static class JwtScopes
{
    public static IReadOnlyList<string>? From(IReadOnlyList<KeyValuePair<string, string>> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var claim = Last(claims, "scope") ?? Last(claims, "scp");
        if (claim is null)
        {
            return null;
        }

        // JwtClaims turns a non-string claim into its JSON text: an array of strings is a list of scopes.
        if (claim.StartsWith('['))
        {
            return FromJsonArray(claim);
        }

        var scopes = claim.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Length == 0 ? null : scopes;
    }

    private static string? Last(IReadOnlyList<KeyValuePair<string, string>> claims, string name) =>
        claims.LastOrDefault(c => string.Equals(c.Key, name, StringComparison.Ordinal)).Value;

    private static string[]? FromJsonArray(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var scopes = document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .Where(s => s.Length > 0)
                .ToArray();
            return scopes.Length == 0 ? null : scopes;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
