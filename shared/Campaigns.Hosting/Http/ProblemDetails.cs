using System.Text.Json.Serialization;

namespace Campaigns.Hosting.Http;

/// <summary>RFC 9457 problem details, with per-field messages for validation failures.</summary>
public sealed class ProblemDetails
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public required string Detail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
