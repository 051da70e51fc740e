using System.Text;

namespace Campaigns.Lambda.Logging;

/// <summary>
/// <c>timestamp TAB LEVEL TAB requestId TAB message</c>; the request id column stays empty when there is none
/// so the columns keep their positions. Line breaks are escaped because each stdout line becomes one
/// CloudWatch event.
/// </summary>
internal static class TextLogLine
{
    public static string Format(in LogEntry entry)
    {
        var line = new StringBuilder(128)
            .Append(LogTimestamp.Format(entry.Timestamp)).Append('\t')
            .Append(LogLevelNames.ToLambdaName(entry.Level)).Append('\t')
            .Append(entry.RequestId).Append('\t')
            .Append(entry.Message);
        if (entry.Exception is { } exception)
        {
            // ToString carries the type, message, inner exceptions and stack trace.
            line.Append('\n').Append(exception);
        }

        return line
            .Replace("\r", "\\r")
            .Replace("\n", "\\n")
            .ToString();
    }
}
