namespace Campaigns.Bench.Tests.Reports;

/// <summary>A run's figures given by hand: summaries built the way the bench builds them, from samples.</summary>
internal static class Figures
{
    public const string Function = "get_campaign";

    /// <summary>A run on a quiet machine: 2 running tasks on 2 cores, one of them the sampler.</summary>
    public static readonly RunLoad Quiet = Load(procsRunning: 2);

    /// <summary>One function and variant from a single cold start and a single warm invocation.</summary>
    public static Summary Of(string variant, double coldMs = 30, double firstCpuMs = 0.5, double warmMs = 1.0, double peakRssMb = 20, long zipBytes = 4_000_000, double initCpuMs = 20) =>
        Summary.Of(
            Function,
            variant,
            [Cold(1, variant, coldMs, firstCpuMs, peakRssMb, initCpuMs: initCpuMs)],
            [new WarmSample(Function, variant, warmMs, Succeeded: true)],
            peakRssMb,
            binary: 10_000_000,
            zipBytes);

    /// <summary>A cold start of <paramref name="totalMs"/>, 2 ms of it the first invocation.</summary>
    public static ColdSample Cold(int run, string variant, double totalMs, double firstCpuMs = 0.5, double peakRssMb = 20, string function = Function, double initCpuMs = 20, long minorFaults = 3000) =>
        new(run, function, variant, InitMs: totalMs - 2, FirstInvocationMs: 2, initCpuMs, firstCpuMs, minorFaults, peakRssMb, Succeeded: true);

    /// <summary>A run whose every load reading saw <paramref name="procsRunning"/> tasks running, on 2 cores.</summary>
    public static RunLoad Load(params int[] procsRunning) =>
        RunLoad.Of([.. procsRunning.Select(n => new LoadReading(LoadAverage: n, n, OwnRunning: 1))], cores: 2, TimeSpan.FromMilliseconds(500));

    public static Dictionary<string, ZipFigure> Zip(long bytes, string architecture) =>
        new() { [Function] = new ZipFigure(bytes, architecture, "artifacts/" + architecture) };
}
