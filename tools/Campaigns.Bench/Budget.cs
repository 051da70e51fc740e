using System.Globalization;
using Campaigns.Fixtures;

namespace Campaigns.Bench;

/// <summary>
/// The performance budget, evaluated on one run's figures. Every line compares aot with bound measured in
/// the same run on the same machine, or with a quantity that does not depend on the machine's speed (memory,
/// bytes). The two wall-clock lines are decided only when the run was quiet: a start that waits for a core
/// waits longer the more it has to do, so on a busy machine their gap says nothing about the code.
/// </summary>
internal static class Budget
{
    public const double ColdCpuOverBound = 1.25;
    public const double FirstCpuOverBoundMs = 0.3;
    public const double ColdOverBoundMs = 5;
    public const double WarmOverBoundMs = 0.3;
    public const double PeakRssMb = 24;
    public const int PeakRssWarmInvocations = 200;
    public const double QuietRunnablePerCore = 1;

    public static List<BudgetLine> Evaluate(IReadOnlyList<Summary> summaries, int warmRuns, IReadOnlyDictionary<string, ZipFigure> zips, RunLoad load)
    {
        var lines = new List<BudgetLine>();
        string? notQuiet = NotQuiet(load);
        foreach (var aot in summaries.Where(s => s.Variant == "aot"))
        {
            var bound = summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == "bound");
            lines.Add(ColdCpu(aot, bound));
            lines.Add(FirstInvocationCpu(aot, bound));
            lines.Add(Gated(ColdOverBound(aot, bound), notQuiet));
            lines.Add(Gated(WarmOverBound(aot, bound), notQuiet));
            lines.Add(PeakRss(aot, warmRuns));
            lines.Add(Zip(aot.Function, zips.GetValueOrDefault(aot.Function)));
        }

        return lines;
    }

    /// <summary>Why the run was not quiet enough to decide the wall-clock lines; null when it was.</summary>
    public static string? NotQuiet(RunLoad load) => load switch
    {
        { Samples: 0 } => "not decided (the load was not sampled)",
        { RunnablePerCoreMean: > QuietRunnablePerCore } => $"not decided (runnable tasks per core {F(load.RunnablePerCoreMean)} > {QuietRunnablePerCore:0.##})",
        _ => null,
    };

    /// <summary>A line the run could decide stays as measured, but reads not decided when the run was busy.</summary>
    private static BudgetLine Gated(BudgetLine line, string? notQuiet) =>
        line.Met is null || notQuiet is null ? line : line with { Measured = $"{line.Measured}; {notQuiet}", Met = null };

    private static BudgetLine ColdCpu(Summary aot, Summary? bound)
    {
        string rule = $"cold CPU (init + first invocation) p50 aot ≤ {L(ColdCpuOverBound)} × bound";
        if (bound is null)
        {
            return new BudgetLine(aot.Function, rule, "no bound in this run", null);
        }

        double ratio = aot.ColdCpuP50 / bound.ColdCpuP50;
        return new BudgetLine(
            aot.Function,
            rule,
            $"{F(aot.ColdCpuP50)} ÷ {F(bound.ColdCpuP50)} = {F(ratio)} (aot − bound = {F(aot.ColdCpuP50 - bound.ColdCpuP50)} ms)",
            ratio <= ColdCpuOverBound);
    }

    private static BudgetLine FirstInvocationCpu(Summary aot, Summary? bound) => AtMostBoundPlus(
        aot, bound, $"first-invocation CPU p50 aot ≤ bound + {L(FirstCpuOverBoundMs)} ms", summary => summary.FirstCpuP50, FirstCpuOverBoundMs, showGap: true);

    private static BudgetLine ColdOverBound(Summary aot, Summary? bound)
    {
        string rule = $"cold wall p50 aot − bound ≤ {L(ColdOverBoundMs)} ms, quiet run";
        if (bound is null)
        {
            return new BudgetLine(aot.Function, rule, "no bound in this run", null);
        }

        double over = aot.ColdP50 - bound.ColdP50;
        return new BudgetLine(aot.Function, rule, $"{F(aot.ColdP50)} − {F(bound.ColdP50)} = {F(over)} ms", over <= ColdOverBoundMs);
    }

    private static BudgetLine WarmOverBound(Summary aot, Summary? bound) => AtMostBoundPlus(
        aot, bound, $"warm p50 aot ≤ bound + {L(WarmOverBoundMs)} ms, quiet run", summary => summary.WarmP50, WarmOverBoundMs, showGap: false);

    /// <summary>A figure of aot held to bound's same figure plus a margin, both from this run.</summary>
    private static BudgetLine AtMostBoundPlus(Summary aot, Summary? bound, string rule, Func<Summary, double> figure, double margin, bool showGap)
    {
        if (bound is null)
        {
            return new BudgetLine(aot.Function, rule, "no bound in this run", null);
        }

        double limit = figure(bound) + margin;
        string gap = showGap ? $" (aot − bound = {F(figure(aot) - figure(bound))} ms)" : string.Empty;
        return new BudgetLine(aot.Function, rule, $"{F(figure(aot))} ≤ {F(limit)} ms{gap}", figure(aot) <= limit);
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
