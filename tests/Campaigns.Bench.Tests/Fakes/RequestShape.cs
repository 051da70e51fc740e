using System.Text.Json.Nodes;

namespace Campaigns.Bench.Tests.Fakes;

/// <summary>
/// What must be equal between two DynamoDB requests, one line per fact so a difference reads as a diff (- expected, + actual).
/// Expressions, attribute names, keys and scalar parameters are kept as they are; attribute values that
/// legitimately differ (timestamps, ids, request-body fields) are reduced to their DynamoDB type.
/// </summary>
internal static class RequestShape
{
    /// <summary>The facts of <paramref name="actual"/> and <paramref name="expected"/> that are not in both, or empty.</summary>
    public static string Difference(RecordedCall actual, RecordedCall expected)
    {
        var actualFacts = Of(actual);
        var expectedFacts = Of(expected);
        var missing = expectedFacts.Except(actualFacts, StringComparer.Ordinal).Select(fact => "- " + fact);
        var extra = actualFacts.Except(expectedFacts, StringComparer.Ordinal).Select(fact => "+ " + fact);
        return string.Join('\n', missing.Concat(extra));
    }

    public static IReadOnlyList<string> Of(RecordedCall call)
    {
        var lines = new List<string> { "Operation: " + call.Operation };
        foreach (var (property, value) in call.Body)
        {
            switch (property)
            {
                case "ExpressionAttributeNames" or "Key":
                    lines.AddRange(value!.AsObject().Select(entry => $"{property}.{entry.Key}: {Text(entry.Value)}"));
                    break;
                case "ExpressionAttributeValues" or "Item":
                    lines.AddRange(value!.AsObject().Select(entry => $"{property}.{entry.Key}: {TypeOf(entry.Value!)}"));
                    break;
                default:
                    // Table, index, expressions, Limit, ConsistentRead, ReturnValues, and anything unexpected.
                    lines.Add($"{property}: {Text(value)}");
                    break;
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    // Strings as written, so an expression's '+' does not read as an escape sequence in a failure.
    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? '"' + text + '"' : node?.ToJsonString() ?? "null";

    private static string TypeOf(JsonNode attribute) => string.Join(',', attribute.AsObject().Select(type => type.Key));
}
