using System.Text.Json.Serialization;

namespace Campaigns.Lambda.Tests.Fakes;

internal sealed class TestEvent
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
