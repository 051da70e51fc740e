using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using static Campaigns.Domain.Storage.AttributeNames;

namespace Campaigns.Domain.Storage;

/// <summary>
/// Builds one UpdateItem that changes a live campaign, stamps who and when, bumps the version, and
/// succeeds only if the item exists, is not deleted and (when asked) still has the expected version.
/// </summary>
internal sealed class ConditionalUpdate
{
    private readonly StringBuilder _set = new("SET #version = #version + :one");
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeValue> _values = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<long>? _expectedVersions;

    public ConditionalUpdate(string code, IReadOnlyList<long>? expectedVersions, DateTime at, string by)
    {
        Code = code;
        _expectedVersions = expectedVersions;
        _names["#pk"] = PartitionKey;
        _names["#status"] = Status;
        _names["#version"] = AttributeNames.Version;
        _values[":one"] = new AttributeValue { N = "1" };
        _values[":deleted"] = new AttributeValue { S = CampaignStatus.Deleted };
        Set(DateLastUpdated, new AttributeValue { S = CampaignItemMapper.FormatTimestamp(at) });
        Set(LastUpdatedBy, new AttributeValue { S = by });
    }

    public string Code { get; }

    /// <summary>If-Match named no version that could ever match, so writing is pointless.</summary>
    public bool CannotMatch => _expectedVersions is { Count: 0 };

    public void Set(string attribute, AttributeValue value)
    {
        string index = _values.Count.ToString(CultureInfo.InvariantCulture);
        _names["#a" + index] = attribute;
        _values[":v" + index] = value;
        _set.Append(", #a").Append(index).Append(" = :v").Append(index);
    }

    public UpdateItemRequest ToRequest(string tableName)
    {
        string condition = "attribute_exists(#pk) AND #status <> :deleted";
        if (_expectedVersions is { Count: > 0 } expected)
        {
            var placeholders = new string[expected.Count];
            for (int i = 0; i < expected.Count; i++)
            {
                placeholders[i] = ":e" + i.ToString(CultureInfo.InvariantCulture);
                _values[placeholders[i]] = new AttributeValue { N = expected[i].ToString(CultureInfo.InvariantCulture) };
            }

            condition += " AND #version IN (" + string.Join(", ", placeholders) + ")";
        }

        return new UpdateItemRequest
        {
            TableName = tableName,
            Key = CampaignKeys.Of(Code),
            UpdateExpression = _set.ToString(),
            ConditionExpression = condition,
            ExpressionAttributeNames = _names,
            ExpressionAttributeValues = _values,
            ReturnValues = ReturnValue.ALL_NEW,
        };
    }
}
