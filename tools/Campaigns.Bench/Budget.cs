using System.Globalization;
using Campaigns.Testing;

namespace Campaigns.Bench;

/// <summary>The performance budget, evaluated on one run's figures.</summary>
internal static class Budget
{
    public static List<(string Rule, string Measured, bool Met)> Evaluate(IReadOnlyList<Summary> summaries, IReadOnlyDictionary<string, double> dynamoRoundTripMs)
    {
        var lines = new List<(string, string, bool)>();
        foreach (var aot in summaries.Where(s => s.Variant == "aot"))
        {
            var jit = summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == "jit");
            var floor = summaries.FirstOrDefault(s => s.Function == aot.Function && s.Variant == "floor");
            if (jit is not null)
            {
                lines.Add(($"{aot.Function}: cold p50 aot ≤ jit / 15", $"{F(aot.ColdP50)} ≤ {F(jit.ColdP50 / 15)} ms", aot.ColdP50 <= jit.ColdP50 / 15));
            }

            if (floor is not null)
            {
                lines.Add(($"{aot.Function}: cold p50 aot ≤ 4 × floor", $"{F(aot.ColdP50)} ≤ {F(4 * floor.ColdP50)} ms", aot.ColdP50 <= 4 * floor.ColdP50));
                double bound = floor.WarmP50 + dynamoRoundTripMs.GetValueOrDefault(aot.Function) + 1;
                lines.Add(($"{aot.Function}: warm p50 aot ≤ floor + DynamoDB round trip + 1 ms", $"{F(aot.WarmP50)} ≤ {F(bound)} ms", aot.WarmP50 <= bound));
            }

            lines.Add(($"{aot.Function}: peak RSS ≤ 32 MB", $"{F(aot.PeakRssMb)} MB", aot.PeakRssMb <= 32));
            lines.Add(($"{aot.Function}: zip ≤ 5.0 MB", $"{aot.ZipBytes / 1e6:0.00} MB", aot.ZipBytes <= LambdaZip.BudgetBytes));
        }

        return lines;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
