using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;

namespace Campaigns.Domain.Tests.Storage;

/// <summary>An expiry rule for the store's tests: one code expires at a fixed moment, nothing else does.</summary>
internal sealed class ExpiringCode(string code, DateTime expiry) : IItemExpiry
{
    public List<Campaign> Asked { get; } = [];

    public DateTime? ExpiryOf(Campaign campaign)
    {
        Asked.Add(campaign);
        return campaign.Code == code ? expiry : null;
    }
}
