using System.Text.Json.Serialization;

namespace Campaigns.Lambda.Tests.Fakes;

internal sealed class TestResult
{
    [JsonPropertyName("greeting")]
    public string? Greeting { get; set; }
}
