namespace Campaigns.Emulator.Runtime;

/// <summary>An invocation handed to a process: the facts its REPORT line needs, and its timeout.</summary>
internal sealed class ActiveInvocation(PendingInvocation pending, long startTimestamp, DateTimeOffset deadline, double? initDurationMs)
{
    public PendingInvocation Pending { get; } = pending;

    public string RequestId => Pending.RequestId;

    public long StartTimestamp { get; } = startTimestamp;

    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>Set on the first invocation a process serves: that one is the cold start.</summary>
    public double? InitDurationMs { get; } = initDurationMs;

    public bool ColdStart => InitDurationMs is not null;

    public ITimer? TimeoutTimer { get; set; }
}
