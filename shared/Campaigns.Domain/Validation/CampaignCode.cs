namespace Campaigns.Domain.Validation;

/// <summary>Campaign codes: trimmed, upper-cased, then <c>^[A-Z0-9][A-Z0-9_-]{2,31}$</c>.</summary>
public static class CampaignCode
{
    public const string Rule = "must be 3 to 32 characters of A-Z, 0-9, '_' or '-', starting with a letter or digit";

    public static string Normalize(string raw) => raw.Trim().ToUpperInvariant();

    /// <summary>Checks an already normalised code. A loop, not a regex, to keep start-up work minimal.</summary>
    public static bool IsValid(string code)
    {
        if (code.Length is < 3 or > 32 || !IsLetterOrDigit(code[0]))
        {
            return false;
        }

        foreach (char c in code)
        {
            if (!IsLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryNormalize(string? raw, out string code)
    {
        code = raw is null ? string.Empty : Normalize(raw);
        return IsValid(code);
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
