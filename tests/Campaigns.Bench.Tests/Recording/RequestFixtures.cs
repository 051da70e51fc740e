using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Bench.Bound;
using Campaigns.Bench.Tests.Fakes;
using Campaigns.Testing;

namespace Campaigns.Bench.Tests.Recording;

/// <summary>
/// The checked-in requests the bound and node variants replay (tools/Campaigns.Bench.Bound/requests/&lt;function&gt;.json):
/// the store's request recorded with values no request holds by chance, each replaced by its placeholder.
/// </summary>
internal static class RequestFixtures
{
    /// <summary>Set to 1 to rewrite the fixtures from what the store sends (./build.sh bench --record-requests).</summary>
    public const string RecordVariable = "CAMPAIGNS_RECORD_REQUESTS";

    public static readonly InvocationValues Recording = new(
        "recorded-table", "RECORDED-CODE", new DateTime(2031, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc), "recorded-caller", Guid.Parse("0b5e55ed-0000-4000-8000-0000000f1c5e"));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Longest first: the timestamp's text begins with today's.
    private static readonly Placeholder[] ReplacementOrder = [Placeholder.Now, Placeholder.Today, Placeholder.Table, Placeholder.Code, Placeholder.Id, Placeholder.Caller];

    public static bool Rewriting => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    public static string PathOf(string function) => RepositoryFiles.PathOf($"tools/Campaigns.Bench.Bound/requests/{function}.json");

    /// <summary>The fixture's text for a call recorded with <see cref="Recording"/>'s values.</summary>
    public static string Text(RecordedCall call)
    {
        var fixture = new JsonObject
        {
            ["target"] = "DynamoDB_20120810." + call.Operation,
            ["body"] = WithPlaceholders(call.Body.DeepClone()),
        };
        return fixture.ToJsonString(Indented) + "\n";
    }

    private static JsonNode? WithPlaceholders(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = WithPlaceholders(value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => WithPlaceholders(item?.DeepClone()))]);
            case JsonValue value when value.TryGetValue(out string? text):
                foreach (var placeholder in ReplacementOrder)
                {
                    text = text.Replace(Recording.TextOf(placeholder), "{{" + placeholder.ToString().ToLowerInvariant() + "}}", StringComparison.Ordinal);
                }

                return JsonValue.Create(text);
            default:
                return node;
        }
    }
}
