using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Campaigns.Lambda.Http;

namespace Campaigns.Bench.Bound;

/// <summary>
/// The DynamoDB request each function sends for the bench's workload, in the same shape (keys, index,
/// expressions, placeholders, attribute names and types), built straight as JSON. Values the real function
/// would take from the request body are fixed here: the yardstick skips reading it. BoundCallsTests checks
/// the shape against the store's own requests.
/// </summary>
internal static class BoundCalls
{
    public static BoundCall For(string function, string table, HttpApiRequest request, string requestId, DateTime now)
    {
        string code = request.GetPathParameter("code") ?? "BB-" + requestId;
        string timestamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return function switch
        {
            "get_campaign" => Build("GetItem", w =>
            {
                Table(w, table);
                Key(w, code);
                w.WriteBoolean("ConsistentRead", true);
            }),
            "list_campaigns" => Build("Query", w =>
            {
                Table(w, table);
                w.WriteString("IndexName", "CampaignsByStatusIndex");
                w.WriteString("KeyConditionExpression", "#gsipk = :gsipk AND begins_with(#gsisk, :prefix)");
                w.WriteString("FilterExpression", "#toDate >= :today");
                Names(w, ("#gsipk", "GSI1_PK"), ("#gsisk", "GSI1_SK"), ("#toDate", "toDate"));
                Values(w, (":gsipk", "S", "CAMPAIGN"), (":prefix", "S", "ACTIVE#"), (":today", "S", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                w.WriteNumber("Limit", 51);
            }),
            "create_campaign" => Build("PutItem", w =>
            {
                Table(w, table);
                w.WriteStartObject("Item");
                Attribute(w, "PK", "S", "CAMPAIGN#" + code);
                Attribute(w, "SK", "S", "METADATA");
                Attribute(w, "GSI1_PK", "S", "CAMPAIGN");
                Attribute(w, "GSI1_SK", "S", "ACTIVE#" + code);
                Attribute(w, "code", "S", code);
                Attribute(w, "id", "S", "0f8fad5b-d9cb-469f-a165-70867728950e");
                Attribute(w, "description", "S", "Bound campaign");
                Attribute(w, "discountPercentage", "N", "12.5");
                Attribute(w, "productId", "S", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
                Attribute(w, "termsConditionsLink", "S", "https://example.com/terms");
                Attribute(w, "fromDate", "S", "2026-01-01");
                Attribute(w, "toDate", "S", "2099-12-31");
                Attribute(w, "status", "S", "ACTIVE");
                w.WriteStartObject("active");
                w.WriteBoolean("BOOL", true);
                w.WriteEndObject();
                Attribute(w, "dateCreated", "S", timestamp);
                Attribute(w, "dateLastUpdated", "S", timestamp);
                Attribute(w, "lastUpdatedBy", "S", "bound");
                Attribute(w, "version", "N", "1");
                w.WriteEndObject();
                w.WriteString("ConditionExpression", "attribute_not_exists(#pk)");
                Names(w, ("#pk", "PK"));
            }),
            "update_campaign" => Build("UpdateItem", w =>
            {
                Table(w, table);
                Key(w, code);
                w.WriteString("UpdateExpression", "SET #version = #version + :one, #a2 = :v2, #a3 = :v3, #a4 = :v4, #a5 = :v5, #a6 = :v6, #a7 = :v7, #a8 = :v8, #a9 = :v9");
                w.WriteString("ConditionExpression", "attribute_exists(#pk) AND #status <> :deleted");
                Names(w, ("#pk", "PK"), ("#status", "status"), ("#version", "version"), ("#a2", "dateLastUpdated"), ("#a3", "lastUpdatedBy"), ("#a4", "description"), ("#a5", "discountPercentage"), ("#a6", "productId"), ("#a7", "termsConditionsLink"), ("#a8", "fromDate"), ("#a9", "toDate"));
                w.WriteStartObject("ExpressionAttributeValues");
                Attribute(w, ":one", "N", "1");
                Attribute(w, ":deleted", "S", "DELETED");
                Attribute(w, ":v2", "S", timestamp);
                Attribute(w, ":v3", "S", "bound");
                Attribute(w, ":v4", "S", "Bound campaign");
                Attribute(w, ":v5", "N", "12.5");
                Attribute(w, ":v6", "S", "7c9e6679-7425-40de-944b-e07fc1f90ae7");
                Attribute(w, ":v7", "S", "https://example.com/terms");
                Attribute(w, ":v8", "S", "2026-01-01");
                Attribute(w, ":v9", "S", "2099-12-31");
                w.WriteEndObject();
                w.WriteString("ReturnValues", "ALL_NEW");
            }),
            "delete_campaign" => Build("UpdateItem", w =>
            {
                Table(w, table);
                Key(w, code);
                w.WriteString("UpdateExpression", "SET #version = #version + :one, #a2 = :v2, #a3 = :v3, #a4 = :v4, #a5 = :v5, #a6 = :v6");
                w.WriteString("ConditionExpression", "attribute_exists(#pk) AND #status <> :deleted");
                Names(w, ("#pk", "PK"), ("#status", "status"), ("#version", "version"), ("#a2", "dateLastUpdated"), ("#a3", "lastUpdatedBy"), ("#a4", "status"), ("#a5", "active"), ("#a6", "GSI1_SK"));
                w.WriteStartObject("ExpressionAttributeValues");
                Attribute(w, ":one", "N", "1");
                Attribute(w, ":deleted", "S", "DELETED");
                Attribute(w, ":v2", "S", timestamp);
                Attribute(w, ":v3", "S", "bound");
                Attribute(w, ":v4", "S", "DELETED");
                w.WriteStartObject(":v5");
                w.WriteBoolean("BOOL", false);
                w.WriteEndObject();
                Attribute(w, ":v6", "S", "DELETED#" + code);
                w.WriteEndObject();
                w.WriteString("ReturnValues", "ALL_NEW");
            }),
            _ => throw new ArgumentException("no DynamoDB call is known for function " + function, nameof(function)),
        };
    }

    private static BoundCall Build(string operation, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return new BoundCall(operation, buffer.WrittenSpan.ToArray());
    }

    private static void Table(Utf8JsonWriter w, string table) => w.WriteString("TableName", table);

    private static void Key(Utf8JsonWriter w, string code)
    {
        w.WriteStartObject("Key");
        Attribute(w, "PK", "S", "CAMPAIGN#" + code);
        Attribute(w, "SK", "S", "METADATA");
        w.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter w, params (string Placeholder, string Name)[] names)
    {
        w.WriteStartObject("ExpressionAttributeNames");
        foreach (var (placeholder, name) in names)
        {
            w.WriteString(placeholder, name);
        }

        w.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter w, params (string Placeholder, string Type, string Value)[] values)
    {
        w.WriteStartObject("ExpressionAttributeValues");
        foreach (var (placeholder, type, value) in values)
        {
            Attribute(w, placeholder, type, value);
        }

        w.WriteEndObject();
    }

    private static void Attribute(Utf8JsonWriter w, string name, string type, string value)
    {
        w.WriteStartObject(name);
        w.WriteString(type, value);
        w.WriteEndObject();
    }
}
