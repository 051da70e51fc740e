namespace Campaigns.Domain.Model;

public static class UtcTimestamp
{
    /// <summary>Now, in UTC, cut to whole milliseconds: the precision stored, so what is returned equals what is read back.</summary>
    public static DateTime Now(TimeProvider time)
    {
        long ticks = time.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
