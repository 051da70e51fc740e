namespace Campaigns.Lambda.Tests.Fakes;

internal sealed class FakeTimer(FakeTimeProvider time, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    /// <summary>When the timer fires next; null when stopped.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : time.GetUtcNow() + dueTime;
        _period = period;
        return true;
    }

    public void Fire()
    {
        DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;
        callback(state);
    }

    public void Dispose()
    {
        DueAt = null;
        time.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
