using System.Globalization;

namespace Campaigns.Bench;

/// <summary>
/// A function and variant whose cold p99 is over <see cref="Factor"/> × its p50: the tail is a few starts
/// far from the rest, which one slow moment of the machine can make, so the runs behind it are named.
/// </summary>
internal sealed record TailWarning(string Function, string Variant, int Samples, double P50, double P99, IReadOnlyList<ColdSample> Outliers)
{
    public const double Factor = 3;

    public string Message =>
        string.Create(CultureInfo.InvariantCulture, $"{Function}/{Variant}: cold p99 {P99:0.00} ms > {Factor:0} × p50 {P50:0.00} ms (n = {Samples}); above {Factor:0} × p50: ")
        + string.Join(", ", Outliers.Select(o => string.Create(CultureInfo.InvariantCulture, $"run {o.Run} ({o.TotalMs:0.00} ms: init {o.InitMs:0.00}, first invocation {o.FirstInvocationMs:0.00})")));

    public static List<TailWarning> Find(IReadOnlyList<ColdSample> cold) =>
        [.. from sample in cold
            group sample by (sample.Function, sample.Variant) into starts
            let totals = starts.Select(s => s.TotalMs).ToList()
            let p50 = Stats.Percentile(totals, 50)
            let p99 = Stats.Percentile(totals, 99)
            where p99 > Factor * p50
            select new TailWarning(starts.Key.Function, starts.Key.Variant, totals.Count, p50, p99, [.. starts.Where(s => s.TotalMs > Factor * p50)])];
}
