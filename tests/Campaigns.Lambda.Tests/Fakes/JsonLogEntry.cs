using System.Text.Json;

namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>The fields of one JSON log line that tests look at.</summary>
internal sealed record JsonLogEntry(string Level, string Message, string? RequestId)
{
    public static JsonLogEntry Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new JsonLogEntry(
            root.GetProperty("level").GetString()!,
            root.GetProperty("message").GetString()!,
            root.TryGetProperty("requestId", out var requestId) ? requestId.GetString() : null);
    }
}
