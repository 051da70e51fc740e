using System.Text.Json.Nodes;
using Campaigns.Domain.Model;

namespace Campaigns.Fixtures;

/// <summary>Valid example data; tests change only what they are about.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 30, 0, 123, TimeSpan.Zero);
    public static readonly Guid ProductId = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    /// <summary>The scope a writer needs, as every environment's tfvars sets it.</summary>
    public const string WriteScope = "campaigns/write";

    /// <summary>The <c>sub</c> of the writer that write requests carry unless a test says otherwise.</summary>
    public const string Writer = "writer-sub-1";

    public static Campaign Campaign(string code = "SUMMER-25", string status = CampaignStatus.Active, DateOnly? toDate = null, long version = 1, string lastUpdatedBy = "seed-sub", DateTime? created = null) => new()
    {
        Code = code,
        Id = Guid.Parse("6b7e2c1a-1f0e-4c1b-9d5e-2a8f3c4d5e6f"),
        Description = "Summer sale",
        DiscountPercentage = 12.5m,
        ProductId = ProductId,
        TermsConditionsLink = "https://example.com/terms",
        FromDate = new DateOnly(2025, 6, 1),
        ToDate = toDate ?? new DateOnly(2025, 8, 31),
        Status = status,
        Active = status != CampaignStatus.Deleted,
        DateCreated = created ?? Now.UtcDateTime,
        DateLastUpdated = Now.UtcDateTime,
        LastUpdatedBy = lastUpdatedBy,
        Version = version,
    };

    /// <summary>A valid create body (an update body once "code" is removed); tests edit it as a JSON object.</summary>
    public static JsonObject Body(string code = "summer-25") => new()
    {
        ["code"] = code,
        ["description"] = "Summer sale",
        ["discountPercentage"] = 12.5m,
        ["productId"] = ProductId.ToString(),
        ["termsConditionsLink"] = "https://example.com/terms",
        ["fromDate"] = "2025-06-01",
        ["toDate"] = "2025-08-31",
    };
}
