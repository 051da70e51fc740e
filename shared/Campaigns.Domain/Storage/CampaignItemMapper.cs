using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using Campaigns.Domain.Validation;

namespace Campaigns.Domain.Storage;

/// <summary>Explicit, culture-invariant mapping between <see cref="Campaign"/> and DynamoDB items.</summary>
public static class CampaignItemMapper
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static Dictionary<string, AttributeValue> ToItem(Campaign campaign) => new(StringComparer.Ordinal)
    {
        [AttributeNames.PartitionKey] = S(AttributeNames.PartitionKeyOf(campaign.Code)),
        [AttributeNames.SortKey] = S(AttributeNames.MetadataSortKey),
        [AttributeNames.Gsi1PartitionKey] = S(AttributeNames.CampaignPartition),
        [AttributeNames.Gsi1SortKey] = S(AttributeNames.StatusSortKeyOf(campaign.Status, campaign.Code)),
        [AttributeNames.Code] = S(campaign.Code),
        [AttributeNames.Id] = S(campaign.Id.ToString("D")),
        [AttributeNames.Description] = S(campaign.Description),
        [AttributeNames.DiscountPercentage] = N(DecimalText.Format(campaign.DiscountPercentage)),
        [AttributeNames.ProductId] = S(campaign.ProductId.ToString("D")),
        [AttributeNames.TermsConditionsLink] = S(campaign.TermsConditionsLink),
        [AttributeNames.FromDate] = S(FormatDate(campaign.FromDate)),
        [AttributeNames.ToDate] = S(FormatDate(campaign.ToDate)),
        [AttributeNames.Status] = S(campaign.Status),
        [AttributeNames.Active] = new AttributeValue { BOOL = campaign.Active },
        [AttributeNames.DateCreated] = S(FormatTimestamp(campaign.DateCreated)),
        [AttributeNames.DateLastUpdated] = S(FormatTimestamp(campaign.DateLastUpdated)),
        [AttributeNames.LastUpdatedBy] = S(campaign.LastUpdatedBy),
        [AttributeNames.Version] = N(campaign.Version.ToString(CultureInfo.InvariantCulture)),
    };

    public static Campaign FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new()
    {
        Code = Text(item, AttributeNames.Code),
        Id = Guid.ParseExact(Text(item, AttributeNames.Id), "D"),
        Description = Text(item, AttributeNames.Description),
        DiscountPercentage = DecimalText.Parse(Number(item, AttributeNames.DiscountPercentage)),
        ProductId = Guid.ParseExact(Text(item, AttributeNames.ProductId), "D"),
        TermsConditionsLink = Text(item, AttributeNames.TermsConditionsLink),
        FromDate = DateOnly.ParseExact(Text(item, AttributeNames.FromDate), DateFormat, CultureInfo.InvariantCulture),
        ToDate = DateOnly.ParseExact(Text(item, AttributeNames.ToDate), DateFormat, CultureInfo.InvariantCulture),
        Status = Text(item, AttributeNames.Status),
        Active = Attribute(item, AttributeNames.Active).BOOL ?? throw Corrupt(AttributeNames.Active),
        DateCreated = ParseTimestamp(Text(item, AttributeNames.DateCreated)),
        DateLastUpdated = ParseTimestamp(Text(item, AttributeNames.DateLastUpdated)),
        LastUpdatedBy = Text(item, AttributeNames.LastUpdatedBy),
        Version = long.Parse(Number(item, AttributeNames.Version), NumberStyles.None, CultureInfo.InvariantCulture),
    };

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string FormatTimestamp(DateTime utc) => utc.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTime ParseTimestamp(string text) =>
        DateTime.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(string value) => new() { N = value };

    private static AttributeValue Attribute(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) ? value : throw Corrupt(name);

    private static string Text(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        Attribute(item, name).S ?? throw Corrupt(name);

    private static string Number(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        Attribute(item, name).N ?? throw Corrupt(name);

    private static InvalidDataException Corrupt(string name) => new($"Stored campaign item has no valid '{name}' attribute.");
}
