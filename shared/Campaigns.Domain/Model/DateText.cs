using System.Globalization;

namespace Campaigns.Domain.Model;

/// <summary>
/// A campaign's dates as text, the same in a request, in the table and in a response: validation and
/// storage both read this one format, so neither needs the other's.
/// </summary>
public static class DateText
{
    public const string Format = "yyyy-MM-dd";

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
