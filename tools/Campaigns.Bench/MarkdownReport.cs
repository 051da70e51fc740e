using System.Globalization;
using System.Text;

namespace Campaigns.Bench;

internal static class MarkdownReport
{
    public const string StartMarker = "<!-- bench:start -->";
    public const string EndMarker = "<!-- bench:end -->";

    public static string Build(RunRecord run, string chartFile)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run `{run.Timestamp}` at `{run.GitSha[..Math.Min(12, run.GitSha.Length)]}` on {run.Machine}; {(run.Options.AotFromZips ? $"aot unzipped from the packaged zips in {run.Options.ZipsDirectory}, floor and bound" : "aot, floor and bound")} built for {run.AotFramework}, jit on net{Environment.Version.ToString(2)}; {run.Options.ColdRuns} cold starts and {run.Options.WarmRuns} warm invocations per function and variant; {TlsPhrase(run.Options)}.");
        md.AppendLine();
        md.AppendLine(LoadLine(run.Load));
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![Cold start and warm latency per function and variant]({chartFile})");
        md.AppendLine();
        md.AppendLine("| Function | Variant | Cold total p50 | p99 | n | Init p50 | First invocation p50 | Init CPU | First-invocation CPU | Cold CPU | Minor faults | Projected first invocation @256 MB | Warm p50 | p90 | p99 | Peak RSS | Binary | Zip | Failures |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in run.Summaries)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Function} | {s.Variant} | {F(s.ColdP50)} | {F(s.ColdP99)} | {s.ColdSamples} | {F(s.InitP50)} | {F(s.FirstP50)} | {F(s.InitCpuP50)} | {F(s.FirstCpuP50)} | {F(s.ColdCpuP50)} | {s.MinorFaultsP50:0} | {F(s.ProjectedFirstAt256Ms)} | {F(s.WarmP50)} | {F(s.WarmP90)} | {F(s.WarmP99)} | {F(s.PeakRssMb)} MB | {s.BinaryBytes / 1e6:0.00} MB | {s.ZipBytes / 1e6:0.00} MB | {s.Failures} |");
        }

        md.AppendLine();
        md.AppendLine("Times in ms. Cold total = init (spawn → first `next`) + first invocation (event handed over → response posted); n = cold starts measured. CPU = all threads, from `/proc/<pid>/task/*/schedstat`; cold CPU = p50 of each start's init + first-invocation CPU. Minor faults = the process's page faults from spawn to the first response (`minflt` of `/proc/<pid>/stat`), read with the CPU time; p50. Peak RSS = the highest VmHWM of any process of the function and variant, the warm one read after all its invocations.");
        AppendTails(md, run.TailWarnings());
        md.AppendLine();
        md.AppendLine("| Budget | Measured | Met |");
        md.AppendLine("|---|---|---|");
        foreach (var line in run.Budget())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {line.Function}: {line.Rule} | {line.Measured} | {Verdict(line.Met)} |");
        }

        AppendRatios(md, ColdRatios.Evaluate(run.Summaries));
        return md.ToString();
    }

    /// <summary>The run's load, and whether it leaves the wall-clock lines to decide.</summary>
    private static string LoadLine(RunLoad load)
    {
        if (load.Samples == 0)
        {
            return "Load: not sampled; the wall-clock budget lines are not decided.";
        }

        string verdict = Budget.NotQuiet(load) is null
            ? $"quiet (mean ≤ {Budget.QuietRunnablePerCore:0}): the wall-clock budget lines are decided"
            : $"busy (mean > {Budget.QuietRunnablePerCore:0}): the wall-clock budget lines are not decided";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Load across the run ({load.Samples} samples, every {load.Interval.TotalMilliseconds:0} ms): runnable tasks per core mean {F(load.RunnablePerCoreMean)}, max {F(load.RunnablePerCoreMax)} (`procs_running` of `/proc/stat` less the run's own: the bench, its functions and DynamoDB Local; ÷ {load.Cores} cores); load average mean {F(load.LoadAverageMean)}, max {F(load.LoadAverageMax)}; {verdict}.");
    }

    private static void AppendTails(StringBuilder md, List<TailWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Cold tails over {TailWarning.Factor:0} × p50**: a p99 from a few starts far from the rest; the runs named are in the JSON's `cold` samples.");
        md.AppendLine();
        foreach (var warning in warnings)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {warning.Message}");
        }
    }

    private static void AppendRatios(StringBuilder md, (List<string> Variants, List<(string Function, List<double> OverAot)> Rows) ratios)
    {
        if (ratios.Variants.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("Cold total p50 over aot's, for the record (not budget lines: these ratios move with the machine):");
        md.AppendLine();
        md.AppendLine("| Function | " + string.Join(" | ", ratios.Variants.Select(v => v + " ÷ aot")) + " |");
        md.AppendLine("|---|" + string.Concat(ratios.Variants.Select(_ => "---:|")));
        foreach (var (function, overAot) in ratios.Rows)
        {
            md.AppendLine($"| {function} | " + string.Join(" | ", overAot.Select(r => double.IsNaN(r) ? "–" : r.ToString("0.0", CultureInfo.InvariantCulture))) + " |");
        }
    }

    private static string Verdict(bool? met) => met switch
    {
        true => "yes",
        false => "**no**",
        null => "not decided",
    };

    /// <summary>Replaces the text between the markers of docs/performance.md, keeping the hand-written rest.</summary>
    public static void Refresh(string documentPath, string generated)
    {
        string text = File.Exists(documentPath) ? File.ReadAllText(documentPath) : $"# Performance\n\n{StartMarker}\n{EndMarker}\n";
        int start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        int end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            text += $"\n{StartMarker}\n{EndMarker}\n";
            start = text.IndexOf(StartMarker, StringComparison.Ordinal);
            end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        }

        File.WriteAllText(documentPath, text[..(start + StartMarker.Length)] + "\n" + generated + text[end..]);
    }

    private static string TlsPhrase(BenchOptions options) => options.TlsLabel switch
    {
        "bundle" => "functions call DynamoDB Local through a local TLS terminator (SSL_CERT_FILE: system bundle + bench CA; SSL_CERT_DIR empty)",
        "minimal" => "functions call DynamoDB Local through a local TLS terminator (SSL_CERT_FILE: bench CA only; SSL_CERT_DIR empty)",
        "custom" => "functions call DynamoDB at " + options.FunctionDynamoDbEndpoint,
        _ => "functions call DynamoDB Local over plain HTTP",
    };

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
