using System.Text;

namespace Campaigns.Emulator.Tests.Fakes;

/// <summary>Unsigned test tokens: the emulator only decodes the payload.</summary>
internal static class Jwt
{
    public static string Token(string payloadJson) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(payloadJson)}.signature";

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
