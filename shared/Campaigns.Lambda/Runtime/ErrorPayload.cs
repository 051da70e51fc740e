using System.Buffers;
using System.Text.Json;
using Campaigns.Lambda.Logging;

namespace Campaigns.Lambda.Runtime;

/// <summary>The body Lambda expects on error posts: <c>{"errorMessage", "errorType", "stackTrace": [...]}</c>.</summary>
internal static class ErrorPayload
{
    public static byte[] FromException(Exception exception) =>
        Create(ExceptionText.TypeName(exception), exception.Message, ExceptionText.StackFrames(exception));

    public static byte[] Create(string errorType, string errorMessage, IReadOnlyList<string> stackTrace)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteString("errorType", errorType);
            writer.WriteStartArray("stackTrace");
            foreach (var line in stackTrace)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
