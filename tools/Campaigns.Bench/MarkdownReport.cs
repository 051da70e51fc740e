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
        md.AppendLine(CultureInfo.InvariantCulture, $"Run `{run.Timestamp}` at `{run.GitSha[..Math.Min(12, run.GitSha.Length)]}` on {run.Machine}; aot, floor and bound built for {run.AotFramework}, jit on net{Environment.Version.ToString(2)}; {run.Options.ColdRuns} cold starts and {run.Options.WarmRuns} warm invocations per function and variant; DynamoDB Local round trip p50 of each function's call from a warm client, timed between the warm invocations{(run.Options.TlsLabel == "off" ? "" : " through the TLS terminator")}: {string.Join(", ", run.DynamoRoundTripMs.Select(p => $"{p.Key} {F(p.Value)} ms"))}; {TlsPhrase(run.Options)}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![Cold start and warm latency per function and variant]({chartFile})");
        md.AppendLine();
        md.AppendLine("| Function | Variant | Cold total p50 | p99 | Init p50 | First invocation p50 | Init CPU | First-invocation CPU | Projected first invocation @256 MB | Warm p50 | p90 | p99 | Peak RSS | Binary | Zip | Failures |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in run.Summaries)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Function} | {s.Variant} | {F(s.ColdP50)} | {F(s.ColdP99)} | {F(s.InitP50)} | {F(s.FirstP50)} | {F(s.InitCpuP50)} | {F(s.FirstCpuP50)} | {F(s.ProjectedFirstAt256Ms)} | {F(s.WarmP50)} | {F(s.WarmP90)} | {F(s.WarmP99)} | {F(s.PeakRssMb)} MB | {s.BinaryBytes / 1e6:0.00} MB | {s.ZipBytes / 1e6:0.00} MB | {s.Failures} |");
        }

        md.AppendLine();
        md.AppendLine("Times in ms. Cold total = init (spawn → first `next`) + first invocation (event handed over → response posted). CPU = all threads, from `/proc/<pid>/task/*/schedstat`.");
        md.AppendLine();
        md.AppendLine("| Budget | Measured | Met |");
        md.AppendLine("|---|---|---|");
        foreach (var (rule, measured, met) in Budget.Evaluate(run.Summaries, run.DynamoRoundTripMs))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {measured} | {(met ? "yes" : "**no**")} |");
        }

        var headroom = Headroom.Evaluate(run.Summaries);
        if (headroom.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("bound makes only the function's own DynamoDB call, without the SDK, the model or a warm-up request: jit ÷ bound is what a function doing nothing but that call reaches in this run, and aot − bound what the SDK and the code add, cold and warm (p50s).");
            md.AppendLine();
            md.AppendLine("| Function | jit ÷ aot | jit ÷ bound | aot − bound, cold (ms) | aot − bound, warm (ms) |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var h in headroom)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {h.Function} | {h.JitOverAot:0.0} | {h.JitOverBound:0.0} | {F(h.ColdAotMinusBoundMs)} | {F(h.WarmAotMinusBoundMs)} |");
            }
        }

        return md.ToString();
    }

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
