namespace Campaigns.Bench;

/// <summary>aot against the SDK-free bound per function of one run: cold totals over jit's, and the differences.</summary>
internal static class Headroom
{
    public static List<(string Function, double JitOverAot, double JitOverBound, double ColdAotMinusBoundMs, double WarmAotMinusBoundMs)> Evaluate(IReadOnlyList<Summary> summaries)
    {
        var rows = new List<(string, double, double, double, double)>();
        foreach (var aot in summaries.Where(s => s.Variant == "aot"))
        {
            var jit = summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == "jit");
            var bound = summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == "bound");
            if (jit is not null && bound is not null)
            {
                rows.Add((aot.Function, jit.ColdP50 / aot.ColdP50, jit.ColdP50 / bound.ColdP50, aot.ColdP50 - bound.ColdP50, aot.WarmP50 - bound.WarmP50));
            }
        }

        return rows;
    }
}
