namespace Campaigns.Bench.Tests.Reports;

/// <summary>A run's figures given by hand: summaries built the way the bench builds them, from samples.</summary>
internal static class Figures
{
    public const string Function = "get_campaign";

    /// <summary>One function and variant from a single cold start and a single warm invocation.</summary>
    public static Summary Of(string variant, double coldMs = 30, double firstCpuMs = 0.5, double warmMs = 1.0, double peakRssMb = 20, long zipBytes = 4_000_000) =>
        Summary.Of(
            Function,
            variant,
            [Cold(1, variant, coldMs, firstCpuMs, peakRssMb)],
            [new WarmSample(Function, variant, warmMs, Succeeded: true)],
            peakRssMb,
            binary: 10_000_000,
            zipBytes);

    /// <summary>A cold start of <paramref name="totalMs"/>, 2 ms of it the first invocation.</summary>
    public static ColdSample Cold(int run, string variant, double totalMs, double firstCpuMs = 0.5, double peakRssMb = 20, string function = Function) =>
        new(run, function, variant, InitMs: totalMs - 2, FirstInvocationMs: 2, InitCpuMs: 20, firstCpuMs, peakRssMb, Succeeded: true);

    public static Dictionary<string, ZipFigure> Zip(long bytes, string architecture) =>
        new() { [Function] = new ZipFigure(bytes, architecture, "artifacts/" + architecture) };
}
