using System.Globalization;

namespace Campaigns.Bench;

/// <summary>The machine's load, read from /proc/loadavg and /proc/stat.</summary>
internal sealed class ProcLoadSource : ILoadSource
{
    public int Cores => Environment.ProcessorCount;

    public LoadReading Read() => Parse(File.ReadAllText("/proc/loadavg"), File.ReadAllText("/proc/stat"));

    /// <summary>The first field of /proc/loadavg and the value of the "procs_running" line of /proc/stat.</summary>
    public static LoadReading Parse(string loadavg, string stat)
    {
        double loadAverage = double.Parse(loadavg.Split(' ', 2)[0], CultureInfo.InvariantCulture);
        string running = stat.Split('\n').FirstOrDefault(line => line.StartsWith("procs_running ", StringComparison.Ordinal))
            ?? throw new FormatException("no procs_running line in /proc/stat");
        return new LoadReading(loadAverage, int.Parse(running.AsSpan("procs_running ".Length).Trim(), CultureInfo.InvariantCulture));
    }
}
