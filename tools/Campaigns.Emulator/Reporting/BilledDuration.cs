namespace Campaigns.Emulator.Reporting;

internal static class BilledDuration
{
    /// <summary>
    /// Rounded up to the millisecond, at least 1 ms. Custom runtimes (provided.al2023) are billed for init
    /// too, so a cold start's billed duration includes its init duration.
    /// </summary>
    public static long Of(double durationMs, double? initDurationMs) =>
        Math.Max(1, (long)Math.Ceiling(durationMs + (initDurationMs ?? 0)));
}
