using System.Text.Json.Serialization;

namespace Campaigns.Domain.Model;

/// <summary>A campaign as stored and, but for <see cref="LastUpdatedBy"/>, as returned by the API.</summary>
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

    /// <summary>
    /// The last writer's <c>sub</c>, kept in the table for audit and never served: reads are public, and an
    /// identifier of a person is personal data. Not <c>required</c>: System.Text.Json refuses a required
    /// member that it ignores.
    /// </summary>
    [JsonIgnore]
    public string LastUpdatedBy { get; init; } = string.Empty;

    public required long Version { get; init; }
}
