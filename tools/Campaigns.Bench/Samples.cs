namespace Campaigns.Bench;

/// <summary>
/// Raw measurements of one cold start: spawn → first `next` (init) → first response (first invocation).
/// <see cref="Run"/> is the cold run it belongs to (1 to --cold), as the bench's progress lines count them;
/// <see cref="MinorFaults"/> are the process's from spawn to the first response, read with the CPU time.
/// </summary>
internal sealed record ColdSample(int Run, string Function, string Variant, double InitMs, double FirstInvocationMs, double InitCpuMs, double FirstInvocationCpuMs, long MinorFaults, double PeakRssMb, bool Succeeded)
{
    public double TotalMs => InitMs + FirstInvocationMs;

    /// <summary>CPU time from spawn to the first response: init's and the first invocation's.</summary>
    public double ColdCpuMs => InitCpuMs + FirstInvocationCpuMs;
}

internal sealed record WarmSample(string Function, string Variant, double DurationMs, bool Succeeded);
