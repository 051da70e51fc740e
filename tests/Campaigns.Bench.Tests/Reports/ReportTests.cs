using System.Text.Json;

namespace Campaigns.Bench.Tests.Reports;

public sealed class ReportTests : IDisposable
{
    private static readonly string[] Variants = ["aot", "bound", "jit"];
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"bench-report-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_json);

    [Fact]
    public void Build_ShowsColdP99BesideP50WithTheNumberOfStarts()
    {
        string markdown = MarkdownReport.Build(Run(), "chart.svg");

        markdown.ShouldContain("| Function | Variant | Cold total p50 | p99 | n |");
        markdown.ShouldContain("| get_campaign | aot | 30.00 | 120.00 | 10 |");
    }

    [Fact]
    public void Build_WithATail_ListsItsRunsAndWithoutOne_DoesNot()
    {
        MarkdownReport.Build(Run(), "chart.svg").ShouldContain("- get_campaign/aot: cold p99 120.00 ms > 3 × p50 30.00 ms (n = 10); above 3 × p50: run 10 (120.00 ms");
        MarkdownReport.Build(Run(tailMs: 60), "chart.svg").ShouldNotContain("Cold tails");
    }

    [Fact]
    public void Build_ShowsTheBudgetAndJitOverAotAsAFigure()
    {
        string markdown = MarkdownReport.Build(Run(), "chart.svg");

        markdown.ShouldContain("| get_campaign: cold CPU (init + first invocation) p50 aot ≤ 1.25 × bound | 20.50 ÷ 20.50 = 1.00 (aot − bound = 0.00 ms) | yes |");
        markdown.ShouldContain("| get_campaign: cold wall p50 aot − bound ≤ 5.0 ms, quiet run | 30.00 − 26.00 = 4.00 ms | yes |");
        markdown.ShouldContain("| get_campaign: arm64 zip ≤ 4.5 MB | no arm64 zip in this run; x64 zip 4.750 MB (artifacts/x64) | not decided |");
        markdown.ShouldContain("| Function | jit ÷ aot |");
        markdown.ShouldContain("| get_campaign | 15.0 |");
    }

    [Fact]
    public void Build_ShowsColdCpuAndMinorFaultsPerVariant()
    {
        string markdown = MarkdownReport.Build(Run(), "chart.svg");

        markdown.ShouldContain("| Init CPU | First-invocation CPU | Cold CPU | Minor faults |");
        markdown.ShouldContain("| 20.00 | 0.50 | 20.50 | 3000 |");
    }

    [Fact]
    public void Build_OnAQuietRun_SaysSoInTheHeaderWithTheLoadFigures()
    {
        string markdown = MarkdownReport.Build(Run(), "chart.svg");

        markdown.ShouldContain("Load across the run (1 samples, every 500 ms): runnable tasks per core mean 0.50, max 0.50 (`procs_running` of `/proc/stat` less the run's own: the bench, its functions and DynamoDB Local; ÷ 2 cores); load average mean 2.00, max 2.00; quiet (mean ≤ 1): the wall-clock budget lines are decided.");
    }

    [Fact]
    public void Build_OnABusyRun_SaysTheWallClockLinesAreNotDecided()
    {
        string markdown = MarkdownReport.Build(Run(load: Figures.Load(2, 6)), "chart.svg");

        markdown.ShouldContain("runnable tasks per core mean 1.50, max 2.50");
        markdown.ShouldContain("busy (mean > 1): the wall-clock budget lines are not decided.");
        markdown.ShouldContain("| get_campaign: cold wall p50 aot − bound ≤ 5.0 ms, quiet run | 30.00 − 26.00 = 4.00 ms; not decided (runnable tasks per core 1.50 > 1) | not decided |");
    }

    [Fact]
    public void Write_RecordsTheLoadAndTheMinorFaults()
    {
        JsonReport.Write(_json, Run(load: Figures.Load(2, 6)));

        using var report = JsonDocument.Parse(File.ReadAllText(_json));
        var load = report.RootElement.GetProperty("load");
        load.GetProperty("samples").GetInt32().ShouldBe(2);
        load.GetProperty("runnablePerCoreMean").GetDouble().ShouldBe(1.5);
        load.GetProperty("runnablePerCoreMax").GetDouble().ShouldBe(2.5);
        load.GetProperty("loadAverageMean").GetDouble().ShouldBe(4);
        load.GetProperty("quiet").GetBoolean().ShouldBeFalse();
        report.RootElement.GetProperty("summaries")[0].GetProperty("minorFaultsP50").GetDouble().ShouldBe(3000);
        report.RootElement.GetProperty("summaries")[0].GetProperty("coldCpuP50Ms").GetDouble().ShouldBe(20.5);
        report.RootElement.GetProperty("cold")[0].GetProperty("minorFaults").GetInt64().ShouldBe(3000);
    }

    [Fact]
    public void Write_WithoutLoadSamples_WritesNullsNotNaN()
    {
        JsonReport.Write(_json, Run(load: Figures.Load()));

        using var report = JsonDocument.Parse(File.ReadAllText(_json));
        report.RootElement.GetProperty("load").GetProperty("runnablePerCoreMean").ValueKind.ShouldBe(JsonValueKind.Null);
        report.RootElement.GetProperty("load").GetProperty("quiet").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void Write_RecordsSamplesPerSummaryTheRunOfEachColdStartTheBudgetAndTheTails()
    {
        JsonReport.Write(_json, Run());

        using var report = JsonDocument.Parse(File.ReadAllText(_json));
        var root = report.RootElement;
        root.GetProperty("summaries")[0].GetProperty("coldSamples").GetInt32().ShouldBe(10);
        root.GetProperty("cold").EnumerateArray().Select(c => c.GetProperty("run").GetInt32()).Distinct().Count().ShouldBe(10);
        root.GetProperty("budget").EnumerateArray().Last().GetProperty("met").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("coldTailWarnings")[0].GetProperty("outlierRuns")[0].GetInt32().ShouldBe(10);
        root.GetProperty("zips").GetProperty(Figures.Function).GetProperty("architecture").GetString().ShouldBe("x64");
    }

    /// <summary>Ten cold starts of aot (the last one <paramref name="tailMs"/>), bound and jit, one warm invocation each.</summary>
    private static RunRecord Run(double tailMs = 120, RunLoad? load = null)
    {
        load ??= Figures.Quiet;
        List<ColdSample> cold =
        [
            .. Enumerable.Range(1, 10).Select(run => Figures.Cold(run, "aot", run == 10 ? tailMs : 30)),
            .. Enumerable.Range(1, 10).Select(run => Figures.Cold(run, "bound", 26)),
            .. Enumerable.Range(1, 10).Select(run => Figures.Cold(run, "jit", 450)),
        ];
        List<WarmSample> warm = [.. Variants.Select(v => new WarmSample(Figures.Function, v, 1.2, Succeeded: true))];
        List<Summary> summaries = [.. Variants.Select(v => Summary.Of(Figures.Function, v, cold, warm, 20, 10_000_000, 4_750_000))];
        var options = BenchOptions.Parse(["--dynamodb-endpoint", "http://127.0.0.1:8000", "--cold", "10", "--warm", "200"]);
        return new RunRecord("20260101T000000Z", "0123456789abcdef", "net10.0", "test machine", options, Figures.Zip(4_750_000, "x64"), cold, warm, summaries, load);
    }
}
