using System.Text;

namespace Campaigns.Domain.Validation;

/// <summary>
/// Free text shown to customers: tab, line feed and carriage return are kept, other control characters
/// (C0, DEL, C1) and Unicode non-characters are refused. Bidirectional marks and overrides are kept:
/// right-to-left text needs them, and whoever renders the text escapes it.
/// </summary>
internal static class PlainText
{
    public static bool IsAllowed(string text)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            if ((Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r')) || IsNonCharacter(rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNonCharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;
}
