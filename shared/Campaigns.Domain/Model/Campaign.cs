namespace Campaigns.Domain.Model;

/// <summary>A campaign as stored and as returned by the API.</summary>
public sealed class Campaign
{
    public required string Code { get; init; }

    public required Guid Id { get; init; }

    public required string Description { get; init; }

    public required decimal DiscountPercentage { get; init; }

    public required Guid ProductId { get; init; }

    public required string TermsConditionsLink { get; init; }

    public required DateOnly FromDate { get; init; }

    public required DateOnly ToDate { get; init; }

    public required string Status { get; init; }

    public required bool Active { get; init; }

    public required DateTime DateCreated { get; init; }

    public required DateTime DateLastUpdated { get; init; }

    public required string LastUpdatedBy { get; init; }

    public required long Version { get; init; }
}
