using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using static Campaigns.Domain.Storage.AttributeNames;

namespace Campaigns.Domain.Storage;

internal static class CampaignKeys
{
    public static Dictionary<string, AttributeValue> Of(string code) => new(StringComparer.Ordinal)
    {
        [PartitionKey] = new AttributeValue { S = PartitionKeyOf(code) },
        [SortKey] = new AttributeValue { S = MetadataSortKey },
    };

    /// <summary>The full key of an ACTIVE entry in the status index, usable as a query's start key.</summary>
    public static Dictionary<string, AttributeValue> OfActiveIndexEntry(string code)
    {
        var key = Of(code);
        key[Gsi1PartitionKey] = new AttributeValue { S = CampaignPartition };
        key[Gsi1SortKey] = new AttributeValue { S = StatusSortKeyOf(CampaignStatus.Active, code) };
        return key;
    }

    /// <summary>The code of an ACTIVE status-index entry, from a query's LastEvaluatedKey.</summary>
    public static string CodeOfActiveIndexEntry(Dictionary<string, AttributeValue> key)
    {
        string prefix = StatusSortKeyOf(CampaignStatus.Active, string.Empty);
        return key.TryGetValue(Gsi1SortKey, out var sortKey) && sortKey.S is { } text && text.StartsWith(prefix, StringComparison.Ordinal)
            ? text[prefix.Length..]
            : throw new InvalidDataException("A status-index query stopped at an entry outside ACTIVE.");
    }
}
