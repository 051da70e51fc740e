namespace Campaigns.Bench;

/// <summary>
/// Raw measurements of one cold start: spawn → first `next` (init) → first response (first invocation).
/// <see cref="Run"/> is the cold run it belongs to (1 to --cold), as the bench's progress lines count them.
/// </summary>
internal sealed record ColdSample(int Run, string Function, string Variant, double InitMs, double FirstInvocationMs, double InitCpuMs, double FirstInvocationCpuMs, double PeakRssMb, bool Succeeded)
{
    public double TotalMs => InitMs + FirstInvocationMs;
}

internal sealed record WarmSample(string Function, string Variant, double DurationMs, bool Succeeded);
