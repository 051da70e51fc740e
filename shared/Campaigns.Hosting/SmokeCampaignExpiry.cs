using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;

namespace Campaigns.Hosting;

/// <summary>
/// Which new campaigns the deployment smoke check made, so that DynamoDB's TTL removes them a day later:
/// a code starting <see cref="CodePrefix"/> created by the configured smoke identity (SMOKE_CALLER).
/// Anything else, including a SMOKE- code from any other caller, is a real campaign and never expires.
/// </summary>
internal sealed class SmokeCampaignExpiry(string? smokeCaller) : IItemExpiry
{
    public const string CallerVariable = "SMOKE_CALLER";

    public const string CodePrefix = "SMOKE-";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public DateTime? ExpiryOf(Campaign campaign) =>
        smokeCaller is { Length: > 0 }
        && string.Equals(campaign.LastUpdatedBy, smokeCaller, StringComparison.Ordinal)
        && campaign.Code.StartsWith(CodePrefix, StringComparison.Ordinal)
            ? campaign.DateCreated + Lifetime
            : null;
}
