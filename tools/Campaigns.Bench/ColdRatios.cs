namespace Campaigns.Bench;

/// <summary>
/// How many times aot's cold total p50 each other runtime in the run takes (jit, and any variant that is not
/// one of the bench's own yardsticks): figures to read, not budget lines, since they move with the machine.
/// </summary>
internal static class ColdRatios
{
    private static readonly HashSet<string> NotCompared = new(StringComparer.Ordinal) { "aot", "floor", "bound" };

    /// <summary>The variants compared, in run order, and per function their cold p50 over aot's (NaN where one is missing).</summary>
    public static (List<string> Variants, List<(string Function, List<double> OverAot)> Rows) Evaluate(IReadOnlyList<Summary> summaries)
    {
        var variants = summaries.Select(s => s.Variant).Distinct().Where(v => !NotCompared.Contains(v)).ToList();
        var rows = new List<(string, List<double>)>();
        foreach (var aot in summaries.Where(s => s.Variant == "aot"))
        {
            var ratios = variants
                .Select(v => summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == v) is { } other ? other.ColdP50 / aot.ColdP50 : double.NaN)
                .ToList();
            rows.Add((aot.Function, ratios));
        }

        return variants.Count == 0 ? ([], []) : (variants, rows);
    }
}
