using System.Globalization;
using Campaigns.Testing;

namespace Campaigns.Bench;

/// <summary>
/// The performance budget, evaluated on one run's figures. Every line compares aot with something measured
/// in the same run on the same machine (bound), or with a quantity that does not depend on the machine's
/// speed (CPU time, memory, bytes), so a line means the same wherever the bench runs.
/// </summary>
internal static class Budget
{
    public const double ColdOverBoundMs = 5;
    public const double FirstInvocationCpuMs = 1.0;
    public const double ProjectedFirstInvocationMs = 7;
    public const double WarmOverBoundMs = 0.3;
    public const double PeakRssMb = 24;
    public const int PeakRssWarmInvocations = 200;

    public static List<BudgetLine> Evaluate(IReadOnlyList<Summary> summaries, int warmRuns, IReadOnlyDictionary<string, ZipFigure> zips)
    {
        var lines = new List<BudgetLine>();
        foreach (var aot in summaries.Where(s => s.Variant == "aot"))
        {
            var bound = summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == "bound");
            lines.Add(ColdOverBound(aot, bound));
            lines.Add(FirstInvocationCpu(aot));
            lines.Add(WarmOverBound(aot, bound));
            lines.Add(PeakRss(aot, warmRuns));
            lines.Add(Zip(aot.Function, zips.GetValueOrDefault(aot.Function)));
        }

        return lines;
    }

    private static BudgetLine ColdOverBound(Summary aot, Summary? bound)
    {
        string rule = $"cold p50 aot − bound ≤ {L(ColdOverBoundMs)} ms";
        if (bound is null)
        {
            return new BudgetLine(aot.Function, rule, "no bound in this run", null);
        }

        double over = aot.ColdP50 - bound.ColdP50;
        return new BudgetLine(aot.Function, rule, $"{F(aot.ColdP50)} − {F(bound.ColdP50)} = {F(over)} ms", over <= ColdOverBoundMs);
    }

    private static BudgetLine FirstInvocationCpu(Summary aot) => new(
        aot.Function,
        $"first-invocation CPU p50 aot ≤ {L(FirstInvocationCpuMs)} ms (at 256 MB, × 1769/256: ≤ {L(ProjectedFirstInvocationMs)} ms)",
        $"{F(aot.FirstCpuP50)} ms (at 256 MB: {F(aot.ProjectedFirstAt256Ms)} ms)",
        aot.FirstCpuP50 <= FirstInvocationCpuMs);

    private static BudgetLine WarmOverBound(Summary aot, Summary? bound)
    {
        string rule = $"warm p50 aot ≤ bound + {L(WarmOverBoundMs)} ms";
        if (bound is null)
        {
            return new BudgetLine(aot.Function, rule, "no bound in this run", null);
        }

        double limit = bound.WarmP50 + WarmOverBoundMs;
        return new BudgetLine(aot.Function, rule, $"{F(aot.WarmP50)} ≤ {F(limit)} ms", aot.WarmP50 <= limit);
    }

    /// <summary>
    /// The peak only grows: over the limit after fewer invocations is a miss, under it is a pass only once
    /// the warm process has served as many as the line counts.
    /// </summary>
    private static BudgetLine PeakRss(Summary aot, int warmRuns)
    {
        string rule = $"peak RSS aot ≤ {L(PeakRssMb)} MB after {PeakRssWarmInvocations} warm invocations";
        string measured = $"{F(aot.PeakRssMb)} MB after {warmRuns}";
        bool? met = aot.PeakRssMb > PeakRssMb ? false : warmRuns >= PeakRssWarmInvocations ? true : null;
        return new BudgetLine(aot.Function, rule, met is null ? measured + $" (too few to decide: {PeakRssWarmInvocations} needed)" : measured, met);
    }

    private static BudgetLine Zip(string function, ZipFigure? zip)
    {
        string rule = $"arm64 zip ≤ {L(LambdaZip.Arm64BudgetBytes / 1e6)} MB";
        if (zip is null)
        {
            return new BudgetLine(function, rule, "no zip measured", null);
        }

        string size = $"{zip.Bytes / 1e6:0.000} MB ({zip.Origin})";
        return (zip.Architecture, zip.Packaged) switch
        {
            ("arm64", true) => new BudgetLine(function, rule, size, zip.Bytes <= LambdaZip.Arm64BudgetBytes),
            (_, true) => new BudgetLine(function, rule, $"no arm64 zip in this run; {zip.Architecture} zip {size}", null),
            _ => new BudgetLine(function, rule, $"no packaged zip in this run; {zip.Architecture} {size}", null),
        };
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string L(double limit) => limit.ToString("0.0#", CultureInfo.InvariantCulture);
}
