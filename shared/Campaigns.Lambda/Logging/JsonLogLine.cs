using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Campaigns.Lambda.Logging;

/// <summary>
/// One JSON object per entry with the <c>timestamp</c> and <c>level</c> keys Lambda needs to filter
/// application logs. The writer escapes control characters, so an entry is always a single line.
/// </summary>
internal static class JsonLogLine
{
    public static string Format(in LogEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // Relaxed escaping keeps non-ASCII text readable in CloudWatch; these lines never reach HTML.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", LogTimestamp.Format(entry.Timestamp));
            writer.WriteString("level", LogLevelNames.ToLambdaName(entry.Level));
            writer.WriteString("message", entry.Message);
            if (entry.RequestId is not null)
            {
                writer.WriteString("requestId", entry.RequestId);
            }

            writer.WriteString("functionName", entry.FunctionName);
            if (entry.Exception is { } exception)
            {
                WriteException(writer, exception);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteString("errorType", ExceptionText.TypeName(exception));
        writer.WriteString("errorMessage", exception.Message);
        writer.WriteStartArray("stackTrace");
        foreach (var line in ExceptionText.FullDescription(exception))
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }
}
