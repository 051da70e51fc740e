using Campaigns.Domain.Model;

namespace Campaigns.Domain.Storage;

public interface ICampaignStore
{
    /// <summary>The campaign with this normalised code, soft-deleted ones included; null when none exists.</summary>
    Task<Campaign?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>Writes a new campaign unless the code was ever used; false when it was.</summary>
    Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Applies changes to a live (not deleted) campaign, atomically.</summary>
    Task<WriteOutcome> UpdateAsync(CampaignChanges changes, CancellationToken cancellationToken);

    /// <summary>Soft-deletes a live campaign, atomically.</summary>
    Task<WriteOutcome> DeleteAsync(CampaignDeletion deletion, CancellationToken cancellationToken);

    /// <summary>ACTIVE campaigns whose toDate is on or after <paramref name="today"/>, ordered by code.</summary>
    Task<CampaignPage> ListActiveAsync(DateOnly today, int limit, string? afterCode, CancellationToken cancellationToken);
}
