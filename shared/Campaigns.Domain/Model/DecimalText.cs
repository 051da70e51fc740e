using System.Globalization;

namespace Campaigns.Domain.Model;

/// <summary>Canonical decimals, so 10.50 and 10.5 are stored and returned the same way.</summary>
public static class DecimalText
{
    // Dividing by one with a long scale drops trailing zeros while keeping the value exact.
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string text) => Normalize(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
