using System.Text.Json;

namespace Campaigns.Emulator.HttpApi;

/// <summary>
/// The local stand-in for API Gateway's JWT authorizer. LOCAL USE ONLY: the token's payload is decoded and
/// trusted as-is; signature, issuer, audience and expiry are NOT verified, so anyone can claim anything.
/// </summary>
internal static class JwtClaims
{
    /// <summary>
    /// Reads the claims of <c>Bearer &lt;jwt&gt;</c> (API Gateway also accepts the bare token). Values come back
    /// as strings, as the real authorizer passes them; a non-string claim becomes its JSON text.
    /// </summary>
    public static bool TryRead(string? authorization, out IReadOnlyList<KeyValuePair<string, string>> claims)
    {
        claims = [];
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return false;
        }

        var token = authorization.Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !TryDecodeBase64Url(parts[1], out var payload))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            claims = document.RootElement.EnumerateObject()
                .Select(claim => new KeyValuePair<string, string>(claim.Name, ClaimText(claim.Value)))
                .ToList();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string ClaimText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();

    private static bool TryDecodeBase64Url(string segment, out byte[] bytes)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        bytes = new byte[base64.Length];
        if (segment.Length == 0 || !Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
