using Campaigns.Domain.Model;

namespace Campaigns.Domain.Storage;

/// <summary>
/// Which new campaigns the deployment smoke check made, so that DynamoDB's TTL removes them a day later:
/// a code starting <see cref="CodePrefix"/> created by the configured smoke identity (SMOKE_CALLER).
/// Anything else, including a SMOKE- code from any other caller, is a real campaign and never expires.
/// </summary>
public sealed class SmokeCampaigns(string? smokeCaller)
{
    public const string CodePrefix = "SMOKE-";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>When <paramref name="campaign"/>, as first stored, expires; null when it never does.</summary>
    public DateTime? ExpiryOf(Campaign campaign) =>
        smokeCaller is { Length: > 0 }
        && string.Equals(campaign.LastUpdatedBy, smokeCaller, StringComparison.Ordinal)
        && campaign.Code.StartsWith(CodePrefix, StringComparison.Ordinal)
            ? campaign.DateCreated + Lifetime
            : null;
}
