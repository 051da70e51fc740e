namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>A clock that moves only when told to; due timers fire synchronously inside <see cref="Advance"/>.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        _timers.Add(timer);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        _now += by;
        while (_timers.FirstOrDefault(t => t.DueAt <= _now) is { } due)
        {
            due.Fire();
        }
    }

    internal void Remove(FakeTimer timer) => _timers.Remove(timer);
}
