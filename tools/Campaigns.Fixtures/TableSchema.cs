using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Campaigns.Fixtures;

/// <summary>Reads functions/table.json, the one definition of the table that Terraform and local runs share.</summary>
public static class TableSchema
{
    public static CreateTableRequest Load(string tableName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("functions/table.json")));
        var root = document.RootElement;
        return new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = root.GetProperty("attributes").EnumerateArray()
                .Select(a => new AttributeDefinition(a.GetProperty("name").GetString(), new ScalarAttributeType(a.GetProperty("type").GetString())))
                .ToList(),
            KeySchema = Keys(root),
            GlobalSecondaryIndexes = root.GetProperty("global_secondary_indexes").EnumerateArray()
                .Select(index => new GlobalSecondaryIndex
                {
                    IndexName = index.GetProperty("name").GetString(),
                    KeySchema = Keys(index),
                    Projection = new Projection { ProjectionType = new ProjectionType(index.GetProperty("projection_type").GetString()) },
                })
                .ToList(),
        };
    }

    /// <summary>The attribute DynamoDB's TTL reads (epoch seconds): the table is created with TTL enabled on it.</summary>
    public static UpdateTimeToLiveRequest TimeToLive(string tableName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("functions/table.json")));
        return new UpdateTimeToLiveRequest
        {
            TableName = tableName,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = document.RootElement.GetProperty("ttl_attribute").GetString(), Enabled = true },
        };
    }

    private static List<KeySchemaElement> Keys(JsonElement element) =>
    [
        new KeySchemaElement(element.GetProperty("hash_key").GetString(), KeyType.HASH),
        new KeySchemaElement(element.GetProperty("range_key").GetString(), KeyType.RANGE),
    ];
}
