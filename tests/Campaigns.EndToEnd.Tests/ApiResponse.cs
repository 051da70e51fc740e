using System.Text.Json;

namespace Campaigns.EndToEnd.Tests;

/// <summary>What came back over HTTP, already checked against docs/openapi.yaml.</summary>
public sealed record ApiResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
