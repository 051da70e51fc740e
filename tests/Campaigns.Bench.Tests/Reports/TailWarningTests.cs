namespace Campaigns.Bench.Tests.Reports;

public sealed class TailWarningTests
{
    [Fact]
    public void Find_WhenAColdStartIsOver3TimesTheMedian_NamesItsRun()
    {
        var cold = Starts("aot", 30, 31, 29, 30, 120, 32, 28, 30, 31, 29);

        var warning = TailWarning.Find(cold).ShouldHaveSingleItem();

        warning.Variant.ShouldBe("aot");
        warning.Samples.ShouldBe(10);
        warning.P99.ShouldBe(120);
        warning.Outliers.Select(o => o.Run).ShouldBe([5]);
        warning.Message.ShouldStartWith("get_campaign/aot: cold p99 120.00 ms > 3 × p50 30.00 ms (n = 10); above 3 × p50: run 5 (120.00 ms");
    }

    [Fact]
    public void Find_WhenTheSlowestStartIsAt3TimesTheMedian_StaysQuiet()
    {
        TailWarning.Find(Starts("aot", 30, 31, 29, 30, 90, 32, 28, 30, 31, 29)).ShouldBeEmpty();
    }

    [Fact]
    public void Find_WithSeveralVariants_WarnsOnlyForTheOneWithTheTail()
    {
        var cold = Starts("aot", 30, 31, 29, 30, 30).Concat(Starts("bound", 25, 25, 26, 24, 25)).ToList();
        cold.Add(Figures.Cold(6, "bound", 100));
        cold.Add(Figures.Cold(7, "bound", 110));

        var warning = TailWarning.Find(cold).ShouldHaveSingleItem();

        warning.Variant.ShouldBe("bound");
        warning.Outliers.Select(o => o.Run).ShouldBe([6, 7]);
    }

    private static List<ColdSample> Starts(string variant, params double[] totals) =>
        [.. totals.Select((total, i) => Figures.Cold(i + 1, variant, total))];
}
