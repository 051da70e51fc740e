using Campaigns.Domain.Model;

namespace Campaigns.Domain.Storage;

public enum WriteStatus
{
    Succeeded,
    NotFound,
    VersionMismatch,
}

/// <summary>Result of a conditional write; <see cref="Campaign"/> is the new state on success.</summary>
public sealed record WriteOutcome(WriteStatus Status, Campaign? Campaign)
{
    public static WriteOutcome NotFound { get; } = new(WriteStatus.NotFound, null);

    public static WriteOutcome VersionMismatch { get; } = new(WriteStatus.VersionMismatch, null);

    public static WriteOutcome Succeeded(Campaign campaign) => new(WriteStatus.Succeeded, campaign);
}
