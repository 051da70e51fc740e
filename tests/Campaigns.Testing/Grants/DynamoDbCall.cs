using System.Text.Json;

namespace Campaigns.Testing.Grants;

/// <summary>One request a DynamoDB client sent: the IAM action it needs, and whether it names the table or an index.</summary>
public sealed record DynamoDbCall(string Action, string Resource, string? Table)
{
    private const string TargetPrefix = "DynamoDB_20120810.";

    /// <summary>Reads a DynamoDB JSON API request: the operation from X-Amz-Target, the table and index from the body.</summary>
    public static DynamoDbCall Of(string target, ReadOnlySpan<byte> body)
    {
        // An unknown target still records as an action, which no grant matches, so the check fails on it.
        string operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : "(target '" + target + "')";
        string? table = null;
        bool index = false;
        if (!body.IsEmpty)
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                table = document.RootElement.TryGetProperty("TableName", out var name) ? name.GetString() : null;
                index = document.RootElement.TryGetProperty("IndexName", out var indexName) && indexName.GetString() is { Length: > 0 };
            }
        }

        return new DynamoDbCall("dynamodb:" + operation, index ? "index" : "table", table);
    }
}
