namespace Campaigns.Domain.Validation;

/// <summary>The camelCase names clients see, used both to read bodies and to key error messages.</summary>
public static class FieldNames
{
    public const string Code = "code";
    public const string Description = "description";
    public const string DiscountPercentage = "discountPercentage";
    public const string ProductId = "productId";
    public const string TermsConditionsLink = "termsConditionsLink";
    public const string FromDate = "fromDate";
    public const string ToDate = "toDate";
    public const string Status = "status";
}
