using System.Text;
using System.Text.Json;

namespace Campaigns.Emulator.Runtime;

/// <summary>A one-line summary of an error body (<c>{"errorMessage","errorType","stackTrace"}</c>) for the log.</summary>
internal static class ErrorDescription
{
    private const int MaxLength = 500;

    public static string Of(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String)
            {
                var type = root.TryGetProperty("errorType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() + ": " : string.Empty;
                return Shorten(type + message.GetString());
            }
        }
        catch (JsonException)
        {
            // Not the documented shape: show the raw text instead.
        }

        return Shorten(Encoding.UTF8.GetString(body));
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxLength ? oneLine : oneLine[..MaxLength] + "…";
    }
}
