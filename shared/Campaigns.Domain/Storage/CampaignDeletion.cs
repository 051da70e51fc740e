namespace Campaigns.Domain.Storage;

/// <param name="ExpectedVersions">From If-Match: the versions that may be overwritten; null deletes whatever the current version is.</param>
public sealed record CampaignDeletion(string Code, DateTime DeletedAt, string DeletedBy, IReadOnlyList<long>? ExpectedVersions);
