using Campaigns.Domain.Validation;

namespace Campaigns.Domain.Storage;

/// <param name="ExpectedVersions">From If-Match: the versions that may be overwritten; null writes whatever the current version is.</param>
public sealed record CampaignChanges(
    string Code,
    CampaignDraft Draft,
    DateTime UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<long>? ExpectedVersions);
