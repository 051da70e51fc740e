namespace Campaigns.Domain.Model;

/// <summary>One page of the list endpoint; <see cref="NextToken"/> is null on the last page.</summary>
public sealed class CampaignPage
{
    public required IReadOnlyList<Campaign> Items { get; init; }

    public required string? NextToken { get; init; }
}
