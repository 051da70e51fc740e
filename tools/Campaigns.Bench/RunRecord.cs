namespace Campaigns.Bench;

/// <summary>Everything one bench run produced, with what is needed to reproduce and compare it.</summary>
internal sealed record RunRecord(
    string Timestamp,
    string GitSha,
    string AotFramework,
    string Machine,
    BenchOptions Options,
    IReadOnlyDictionary<string, ZipFigure> Zips,
    IReadOnlyList<ColdSample> Cold,
    IReadOnlyList<WarmSample> Warm,
    IReadOnlyList<Summary> Summaries,
    RunLoad Load)
{
    public List<BudgetLine> Budget() => Bench.Budget.Evaluate(Summaries, Options.WarmRuns, Zips, Load);

    public List<TailWarning> TailWarnings() => TailWarning.Find(Cold);
}
