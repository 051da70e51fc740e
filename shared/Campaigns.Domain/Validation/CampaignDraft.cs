namespace Campaigns.Domain.Validation;

/// <summary>A request body that passed validation, already normalised.</summary>
public sealed record CampaignDraft(
    string? Code,
    string Description,
    decimal DiscountPercentage,
    Guid ProductId,
    string TermsConditionsLink,
    DateOnly FromDate,
    DateOnly ToDate,
    string? Status);
