using System.Text;
using System.Text.Json.Nodes;

namespace Campaigns.Testing;

/// <summary>Unsigned test tokens, for the emulator's local JWT stand-in, which decodes but does not verify.</summary>
public static class Jwt
{
    public static string Token(string payloadJson) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(payloadJson)}.signature";

    /// <summary>An <c>authorization</c> header value carrying <paramref name="claims"/>.</summary>
    public static string Bearer(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return "Bearer " + Token(claims.ToJsonString());
    }

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
