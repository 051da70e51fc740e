using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using Campaigns.Domain.Validation;

namespace Campaigns.Domain.Storage;

/// <summary>Explicit, culture-invariant mapping between <see cref="Campaign"/> and DynamoDB items.</summary>
public static class CampaignItemMapper
{
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

    /// <exception cref="UnreadableItemException">An attribute is missing, of another type or unparsable.</exception>
    public static Campaign FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new()
    {
        Code = Text(item, AttributeNames.Code),
        Id = Parse(item, AttributeNames.Id, static text => Guid.ParseExact(text, "D")),
        Description = Text(item, AttributeNames.Description),
        DiscountPercentage = Parse(item, AttributeNames.DiscountPercentage, DecimalText.Parse, number: true),
        ProductId = Parse(item, AttributeNames.ProductId, static text => Guid.ParseExact(text, "D")),
        TermsConditionsLink = Text(item, AttributeNames.TermsConditionsLink),
        FromDate = Parse(item, AttributeNames.FromDate, ParseDate),
        ToDate = Parse(item, AttributeNames.ToDate, ParseDate),
        Status = Text(item, AttributeNames.Status),
        Active = Attribute(item, AttributeNames.Active).BOOL ?? throw Corrupt(item, AttributeNames.Active),
        DateCreated = Parse(item, AttributeNames.DateCreated, ParseTimestamp),
        DateLastUpdated = Parse(item, AttributeNames.DateLastUpdated, ParseTimestamp),
        LastUpdatedBy = Text(item, AttributeNames.LastUpdatedBy),
        Version = Parse(item, AttributeNames.Version, static text => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), number: true),
    };

    public static string FormatDate(DateOnly date) => DateText.ToText(date);

    public static string FormatTimestamp(DateTime utc) => utc.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static DateTime ParseTimestamp(string text) =>
        DateTime.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(string value) => new() { N = value };

    private static DateOnly ParseDate(string text) => DateText.Parse(text);

    private static AttributeValue Attribute(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out AttributeValue? value) ? value : throw Corrupt(item, name);

    private static string Text(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        Attribute(item, name).S ?? throw Corrupt(item, name);

    // The parsers' own exceptions quote the text they refused: only the attribute's name goes on.
    private static T Parse<T>(IReadOnlyDictionary<string, AttributeValue> item, string name, Func<string, T> parse, bool number = false)
    {
        var value = Attribute(item, name);
        string text = (number ? value.N : value.S) ?? throw Corrupt(item, name);
        try
        {
            return parse(text);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            throw Corrupt(item, name);
        }
    }

    private static UnreadableItemException Corrupt(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        new(item.TryGetValue(AttributeNames.PartitionKey, out AttributeValue? key) && key.S is { } pk ? pk : "(no key)", name);
}
