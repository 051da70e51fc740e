using Campaigns.Domain.Model;

namespace Campaigns.Domain.Storage;

/// <summary>
/// When a newly stored campaign expires, if ever: the store writes that moment as the item's TTL
/// attribute, and DynamoDB removes the item some time after it. Which campaigns expire is the host's
/// decision, not the domain's.
/// </summary>
public interface IItemExpiry
{
    /// <summary>When <paramref name="campaign"/>, as first stored, expires; null when it never does.</summary>
    DateTime? ExpiryOf(Campaign campaign);
}
