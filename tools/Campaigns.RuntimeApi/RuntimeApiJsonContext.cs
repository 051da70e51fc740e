using System.Text.Json.Serialization;

namespace Campaigns.RuntimeApi;

/// <summary>Source-generated JSON for the Runtime API's small error bodies (reflection-based JSON is off repo-wide).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
