namespace Campaigns.Bench;

/// <summary>
/// The figures of one function and variant, as reported in tables and checked against the budget.
/// <see cref="ColdCpuP50"/> is the p50 of each start's own init + first-invocation CPU, not the sum of
/// the two p50s, which may come from different starts.
/// </summary>
internal sealed record Summary(
    string Function,
    string Variant,
    int ColdSamples,
    double ColdP50,
    double ColdP99,
    double InitP50,
    double FirstP50,
    double InitCpuP50,
    double FirstCpuP50,
    double ColdCpuP50,
    double MinorFaultsP50,
    double WarmP50,
    double WarmP90,
    double WarmP99,
    double PeakRssMb,
    long BinaryBytes,
    long ZipBytes,
    int Failures)
{
    /// <summary>
    /// A 256 MB function gets about 256/1769 of a vCPU once init is over (Lambda allots one full vCPU
    /// at 1,769 MB), so CPU-bound first-invocation work stretches by that ratio there.
    /// </summary>
    public double ProjectedFirstAt256Ms => ProjectAt256Mb(FirstCpuP50);

    public static double ProjectAt256Mb(double cpuMs) => cpuMs * 1769.0 / 256.0;

    /// <summary>
    /// <paramref name="warmRss"/> is the warm process's peak, read after all its invocations; the result's
    /// peak RSS is the highest of that and every cold start's.
    /// </summary>
    public static Summary Of(string function, string variant, IReadOnlyList<ColdSample> cold, IReadOnlyList<WarmSample> warm, double warmRss, long binary, long zip)
    {
        var c = cold.Where(s => s.Function == function && s.Variant == variant).ToList();
        var w = warm.Where(s => s.Function == function && s.Variant == variant).Select(s => s.DurationMs).ToList();
        return new Summary(
            function,
            variant,
            c.Count,
            Stats.Percentile(c.Select(s => s.TotalMs), 50),
            Stats.Percentile(c.Select(s => s.TotalMs), 99),
            Stats.Percentile(c.Select(s => s.InitMs), 50),
            Stats.Percentile(c.Select(s => s.FirstInvocationMs), 50),
            Stats.Percentile(c.Select(s => s.InitCpuMs), 50),
            Stats.Percentile(c.Select(s => s.FirstInvocationCpuMs), 50),
            Stats.Percentile(c.Select(s => s.ColdCpuMs), 50),
            Stats.Percentile(c.Select(s => (double)s.MinorFaults), 50),
            Stats.Percentile(w, 50),
            Stats.Percentile(w, 90),
            Stats.Percentile(w, 99),
            Math.Max(warmRss, c.Count == 0 ? 0 : c.Max(s => s.PeakRssMb)),
            binary,
            zip,
            c.Count(s => !s.Succeeded) + warm.Count(s => s.Function == function && s.Variant == variant && !s.Succeeded));
    }
}
