namespace Campaigns.Bench.Tests.Reports;

public sealed class BudgetTests
{
    private static readonly Dictionary<string, ZipFigure> Arm64ZipWithin = Figures.Zip(4_400_000, "arm64");

    [Fact]
    public void Evaluate_WhenAotIsWithin5MsOfBoundCold_MeetsTheColdLine()
    {
        Line("cold p50 aot − bound", [Figures.Of("aot", coldMs: 30), Figures.Of("bound", coldMs: 25.5)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenAotIsMoreThan5MsAboveBoundCold_MissesTheColdLine()
    {
        var line = Line("cold p50 aot − bound", [Figures.Of("aot", coldMs: 31), Figures.Of("bound", coldMs: 25)]);

        line.Met.ShouldBe(false);
        line.Measured.ShouldBe("31.00 − 25.00 = 6.00 ms");
    }

    [Fact]
    public void Evaluate_WhenAotFirstInvocationCpuIsAtMost1Ms_MeetsTheCpuLine()
    {
        Line("first-invocation CPU", [Figures.Of("aot", firstCpuMs: 0.9)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenAotFirstInvocationCpuIsOver1Ms_MissesTheCpuLineAndShowsItAt256Mb()
    {
        var line = Line("first-invocation CPU", [Figures.Of("aot", firstCpuMs: 1.2)]);

        line.Met.ShouldBe(false);
        line.Rule.ShouldContain("× 1769/256: ≤ 7.0 ms");
        line.Measured.ShouldBe("1.20 ms (at 256 MB: 8.29 ms)");
    }

    [Fact]
    public void Evaluate_WhenAotWarmIsWithin03MsOfBound_MeetsTheWarmLine()
    {
        Line("warm p50", [Figures.Of("aot", warmMs: 1.5), Figures.Of("bound", warmMs: 1.3)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenAotWarmIsMoreThan03MsAboveBound_MissesTheWarmLine()
    {
        var line = Line("warm p50", [Figures.Of("aot", warmMs: 1.7), Figures.Of("bound", warmMs: 1.3)]);

        line.Met.ShouldBe(false);
        line.Measured.ShouldBe("1.70 ≤ 1.60 ms");
    }

    [Fact]
    public void Evaluate_WithoutBound_LeavesTheColdAndWarmLinesUndecided()
    {
        var lines = Budget.Evaluate([Figures.Of("aot"), Figures.Of("jit", coldMs: 450)], 200, Arm64ZipWithin);

        lines.Where(l => l.Measured == "no bound in this run").Select(l => l.Met).ShouldBe([null, null]);
    }

    [Fact]
    public void Evaluate_WhenPeakRssIsWithin24MbAfter200Warm_MeetsTheRssLine()
    {
        Line("peak RSS", [Figures.Of("aot", peakRssMb: 23)], warmRuns: 200).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenPeakRssIsOver24MbAfter200Warm_MissesTheRssLine()
    {
        Line("peak RSS", [Figures.Of("aot", peakRssMb: 25)], warmRuns: 200).Met.ShouldBe(false);
    }

    [Fact]
    public void Evaluate_WhenPeakRssIsOver24MbAfterFewerWarm_MissesTheRssLine()
    {
        Line("peak RSS", [Figures.Of("aot", peakRssMb: 25)], warmRuns: 50).Met.ShouldBe(false);
    }

    [Fact]
    public void Evaluate_WhenPeakRssIsWithin24MbAfterFewerWarm_LeavesTheRssLineUndecided()
    {
        var line = Line("peak RSS", [Figures.Of("aot", peakRssMb: 23)], warmRuns: 50);

        line.Met.ShouldBeNull();
        line.Measured.ShouldStartWith("23.00 MB after 50");
    }

    [Fact]
    public void Evaluate_WhenTheArm64ZipIsWithin45Mb_MeetsTheZipLine()
    {
        Line("arm64 zip", [Figures.Of("aot")], zips: Figures.Zip(4_500_000, "arm64")).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenTheArm64ZipIsOver45Mb_MissesTheZipLine()
    {
        var line = Line("arm64 zip", [Figures.Of("aot")], zips: Figures.Zip(4_500_001, "arm64"));

        line.Met.ShouldBe(false);
        line.Measured.ShouldBe("4.500 MB (artifacts/arm64)");
    }

    [Fact]
    public void Evaluate_WithAnArm64ZipThatWasNotPackaged_LeavesTheZipLineUndecided()
    {
        var zips = new Dictionary<string, ZipFigure> { [Figures.Function] = new ZipFigure(4_600_000, "arm64", "this run's aot binary, not a packaged zip", Packaged: false) };

        var line = Line("arm64 zip", [Figures.Of("aot")], zips: zips);

        line.Met.ShouldBeNull();
        line.Measured.ShouldContain("no packaged zip in this run");
    }

    [Fact]
    public void Evaluate_WithOnlyAnX64Zip_LeavesTheZipLineUndecidedAndNamesTheArchitecture()
    {
        var line = Line("arm64 zip", [Figures.Of("aot")], zips: Figures.Zip(4_000_000, "x64"));

        line.Met.ShouldBeNull();
        line.Measured.ShouldBe("no arm64 zip in this run; x64 zip 4.000 MB (artifacts/x64)");
    }

    [Fact]
    public void Evaluate_WithEveryVariant_ComparesAotWithBoundOnlyAndNeverWithJitOrFloor()
    {
        var lines = Budget.Evaluate(
            [Figures.Of("aot"), Figures.Of("jit", coldMs: 450), Figures.Of("floor", coldMs: 17), Figures.Of("bound", coldMs: 27)], 200, Arm64ZipWithin);

        lines.Count.ShouldBe(5);
        lines.ShouldAllBe(l => !l.Rule.Contains("jit") && !l.Rule.Contains("floor") && !l.Rule.Contains("round trip"));
    }

    private static BudgetLine Line(string rule, Summary[] summaries, int warmRuns = 200, Dictionary<string, ZipFigure>? zips = null) =>
        Budget.Evaluate(summaries, warmRuns, zips ?? Arm64ZipWithin).Single(l => l.Rule.StartsWith(rule, StringComparison.Ordinal));
}
