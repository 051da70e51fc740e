namespace Campaigns.Domain.Validation;

internal static class HttpsLink
{
    public static bool IsValid(string link, int maxLength)
    {
        if (link.Length == 0 || link.Length > maxLength)
        {
            return false;
        }

        // Uri.TryCreate trims and tolerates embedded whitespace; a stored link must be exactly what was checked.
        foreach (char c in link)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return Uri.TryCreate(link, UriKind.Absolute, out Uri? uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.UserInfo);
    }
}
