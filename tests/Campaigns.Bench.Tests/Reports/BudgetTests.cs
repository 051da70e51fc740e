namespace Campaigns.Bench.Tests.Reports;

public sealed class BudgetTests
{
    private static readonly Dictionary<string, ZipFigure> Arm64ZipWithin = Figures.Zip(4_400_000, "arm64");

    [Fact]
    public void Evaluate_WhenAotColdCpuIs125TimesBounds_MeetsTheColdCpuLine()
    {
        var line = Line("cold CPU", [Figures.Of("aot", initCpuMs: 24.5, firstCpuMs: 0.5), Figures.Of("bound", initCpuMs: 19.5, firstCpuMs: 0.5)]);

        line.Met.ShouldBe(true);
        line.Measured.ShouldBe("25.00 ÷ 20.00 = 1.25 (aot − bound = 5.00 ms)");
    }

    [Fact]
    public void Evaluate_WhenAotColdCpuIsOver125TimesBounds_MissesTheColdCpuLineAndShowsTheGapInMs()
    {
        var line = Line("cold CPU", [Figures.Of("aot", initCpuMs: 25, firstCpuMs: 1), Figures.Of("bound", initCpuMs: 19.5, firstCpuMs: 0.5)]);

        line.Met.ShouldBe(false);
        line.Rule.ShouldBe("cold CPU (init + first invocation) p50 aot ≤ 1.25 × bound");
        line.Measured.ShouldBe("26.00 ÷ 20.00 = 1.30 (aot − bound = 6.00 ms)");
    }

    [Fact]
    public void Evaluate_WhenAotFirstInvocationCpuIsWithin03MsOfBounds_MeetsTheCpuLine()
    {
        Line("first-invocation CPU", [Figures.Of("aot", firstCpuMs: 0.65), Figures.Of("bound", firstCpuMs: 0.4)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenAotFirstInvocationCpuIsOver1MsButWithin03MsOfBounds_MeetsTheCpuLine()
    {
        Line("first-invocation CPU", [Figures.Of("aot", firstCpuMs: 1.8), Figures.Of("bound", firstCpuMs: 1.6)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_WhenAotFirstInvocationCpuIsMoreThan03MsAboveBounds_MissesTheCpuLine()
    {
        var line = Line("first-invocation CPU", [Figures.Of("aot", firstCpuMs: 0.8), Figures.Of("bound", firstCpuMs: 0.4)]);

        line.Met.ShouldBe(false);
        line.Rule.ShouldBe("first-invocation CPU p50 aot ≤ bound + 0.3 ms");
        line.Measured.ShouldBe("0.80 ≤ 0.70 ms (aot − bound = 0.40 ms)");
    }

    [Fact]
    public void Evaluate_OnAQuietRunWhenAotIsWithin5MsOfBoundCold_MeetsTheColdWallLine()
    {
        Line("cold wall p50 aot − bound", [Figures.Of("aot", coldMs: 30), Figures.Of("bound", coldMs: 25.5)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_OnAQuietRunWhenAotIsMoreThan5MsAboveBoundCold_MissesTheColdWallLine()
    {
        var line = Line("cold wall p50 aot − bound", [Figures.Of("aot", coldMs: 31), Figures.Of("bound", coldMs: 25)]);

        line.Met.ShouldBe(false);
        line.Measured.ShouldBe("31.00 − 25.00 = 6.00 ms");
    }

    [Fact]
    public void Evaluate_OnABusyRun_LeavesTheColdWallLineUndecidedEvenWhenWithin()
    {
        var line = Line("cold wall p50 aot − bound", [Figures.Of("aot", coldMs: 30), Figures.Of("bound", coldMs: 29)], load: Figures.Load(4));

        line.Met.ShouldBeNull();
        line.Measured.ShouldBe("30.00 − 29.00 = 1.00 ms; not decided (runnable tasks per core 1.50 > 1)");
    }

    [Fact]
    public void Evaluate_OnAQuietRunWhenAotWarmIsWithin03MsOfBound_MeetsTheWarmLine()
    {
        Line("warm p50", [Figures.Of("aot", warmMs: 1.5), Figures.Of("bound", warmMs: 1.3)]).Met.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_OnAQuietRunWhenAotWarmIsMoreThan03MsAboveBound_MissesTheWarmLine()
    {
        var line = Line("warm p50", [Figures.Of("aot", warmMs: 1.7), Figures.Of("bound", warmMs: 1.3)]);

        line.Met.ShouldBe(false);
        line.Measured.ShouldBe("1.70 ≤ 1.60 ms");
    }

    [Fact]
    public void Evaluate_OnABusyRun_LeavesTheWarmLineUndecidedEvenWhenMissed()
    {
        var line = Line("warm p50", [Figures.Of("aot", warmMs: 1.7), Figures.Of("bound", warmMs: 1.3)], load: Figures.Load(3, 4));

        line.Met.ShouldBeNull();
        line.Measured.ShouldBe("1.70 ≤ 1.60 ms; not decided (runnable tasks per core 1.25 > 1)");
    }

    [Theory]
    [InlineData(new[] { 3 }, true)] // (3 − the sampler) ÷ 2 cores = 1.0 exactly: not above one, decided
    [InlineData(new[] { 2, 4 }, true)] // 0.5 and 1.5: mean 1.0, a busy moment alone does not close the gate
    [InlineData(new[] { 1, 2 }, true)]
    [InlineData(new[] { 3, 3, 3, 4 }, false)] // mean 1.125
    [InlineData(new[] { 5 }, false)]
    public void Evaluate_DecidesTheWallClockLinesOnlyUpToOneRunnableTaskPerCoreOnAverage(int[] procsRunning, bool decided)
    {
        var lines = Budget.Evaluate([Figures.Of("aot", coldMs: 30, warmMs: 1.5), Figures.Of("bound", coldMs: 29, warmMs: 1.4)], 200, Arm64ZipWithin, Figures.Load(procsRunning));

        lines.Where(l => l.Rule.EndsWith("quiet run", StringComparison.Ordinal)).Select(l => l.Met).ShouldBe(decided ? [true, true] : [null, null]);
    }

    [Fact]
    public void Evaluate_WithoutLoadSamples_LeavesTheWallClockLinesUndecided()
    {
        var lines = Budget.Evaluate([Figures.Of("aot"), Figures.Of("bound")], 200, Arm64ZipWithin, Figures.Load());

        lines.Where(l => l.Rule.EndsWith("quiet run", StringComparison.Ordinal)).ShouldAllBe(l => l.Met == null && l.Measured.EndsWith("not decided (the load was not sampled)"));
    }

    [Fact]
    public void Evaluate_OnABusyRun_StillDecidesTheCpuMemoryAndZipLines()
    {
        var lines = Budget.Evaluate([Figures.Of("aot"), Figures.Of("bound")], 200, Arm64ZipWithin, Figures.Load(8));

        lines.Where(l => !l.Rule.EndsWith("quiet run", StringComparison.Ordinal)).Select(l => l.Met).ShouldBe([true, true, true, true]);
    }

    [Fact]
    public void Evaluate_WithoutBound_LeavesEveryLineAgainstBoundUndecided()
    {
        var lines = Budget.Evaluate([Figures.Of("aot"), Figures.Of("jit", coldMs: 450)], 200, Arm64ZipWithin, Figures.Quiet);

        lines.Where(l => l.Measured == "no bound in this run").Select(l => l.Met).ShouldBe([null, null, null, null]);
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
            [Figures.Of("aot"), Figures.Of("jit", coldMs: 450), Figures.Of("floor", coldMs: 17), Figures.Of("bound", coldMs: 27)], 200, Arm64ZipWithin, Figures.Quiet);

        lines.Count.ShouldBe(6);
        lines.ShouldAllBe(l => !l.Rule.Contains("jit") && !l.Rule.Contains("floor") && !l.Rule.Contains("round trip"));
    }

    private static BudgetLine Line(string rule, Summary[] summaries, int warmRuns = 200, Dictionary<string, ZipFigure>? zips = null, RunLoad? load = null) =>
        Budget.Evaluate(summaries, warmRuns, zips ?? Arm64ZipWithin, load ?? Figures.Quiet).Single(l => l.Rule.StartsWith(rule, StringComparison.Ordinal));
}
