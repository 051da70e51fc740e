using System.Text.Json.Serialization;

namespace Campaigns.Emulator.Runtime;

/// <summary>Source-generated JSON for the Runtime API's small error bodies (reflection-based JSON is off repo-wide).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
