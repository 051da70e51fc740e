namespace Campaigns.Domain.Storage;

/// <summary>Item attribute names and key shapes of the single campaigns table.</summary>
public static class AttributeNames
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    public const string Gsi1PartitionKey = "GSI1_PK";
    public const string Gsi1SortKey = "GSI1_SK";
    public const string StatusIndexName = "CampaignsByStatusIndex";

    public const string Code = "code";
    public const string Id = "id";
    public const string Description = "description";
    public const string DiscountPercentage = "discountPercentage";
    public const string ProductId = "productId";
    public const string TermsConditionsLink = "termsConditionsLink";
    public const string FromDate = "fromDate";
    public const string ToDate = "toDate";
    public const string Status = "status";
    public const string Active = "active";
    public const string DateCreated = "dateCreated";
    public const string DateLastUpdated = "dateLastUpdated";
    public const string LastUpdatedBy = "lastUpdatedBy";
    public const string Version = "version";

    /// <summary>DynamoDB's TTL attribute (functions/table.json): epoch seconds, set only on a new item that <see cref="IItemExpiry"/> says expires.</summary>
    public const string ExpiresAt = "expiresAt";

    public const string MetadataSortKey = "METADATA";
    public const string CampaignPartition = "CAMPAIGN";

    public static string PartitionKeyOf(string code) => "CAMPAIGN#" + code;

    public static string StatusSortKeyOf(string status, string code) => status + "#" + code;
}
