using System.Globalization;
using System.Text;
using Campaigns.Domain.Validation;

namespace Campaigns.Domain.Storage;

/// <summary>
/// The opaque list cursor: the last code of a page plus a checksum, base64url-encoded. The checksum makes
/// edited or foreign tokens fail cleanly with a 400; it is not secret, and needs not be, since the list
/// is public data and a forged cursor can only skip ahead in it.
/// </summary>
public static class PageToken
{
    private const string Prefix = "c1:";

    public static string Encode(string code) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + code + ":" + Checksum(code)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string token, out string code)
    {
        code = string.Empty;
        if (token.Length is 0 or > 128 || token.Length % 4 == 1)
        {
            return false;
        }

        string base64 = token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
        byte[] bytes = new byte[base64.Length];
        if (token.Contains('+', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal)
            || !Convert.TryFromBase64String(base64, bytes, out int length))
        {
            return false;
        }

        string text = Encoding.UTF8.GetString(bytes, 0, length);

        int separator = text.LastIndexOf(':');
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || separator <= Prefix.Length)
        {
            return false;
        }

        string candidate = text[Prefix.Length..separator];
        if (!CampaignCode.IsValid(candidate) || text[(separator + 1)..] != Checksum(candidate))
        {
            return false;
        }

        code = candidate;
        return true;
    }

    // FNV-1a: cheap and dependency-free (no crypto library load on the first list call).
    private static string Checksum(string code)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in "campaigns-list:" + code)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
