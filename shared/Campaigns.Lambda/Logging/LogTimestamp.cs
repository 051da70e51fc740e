using System.Globalization;

namespace Campaigns.Lambda.Logging;

internal static class LogTimestamp
{
    /// <summary>RFC 3339 in UTC with milliseconds, e.g. <c>2025-01-31T12:00:00.123Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
