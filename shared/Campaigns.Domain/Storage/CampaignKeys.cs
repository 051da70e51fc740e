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
}
