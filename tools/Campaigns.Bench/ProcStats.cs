using System.Globalization;

namespace Campaigns.Bench;

/// <summary>Per-process figures from /proc, read while the process lives.</summary>
internal static class ProcStats
{
    /// <summary>CPU time of all the process's threads, in ms: the first field of each task's schedstat is ns on CPU.</summary>
    public static double CpuMilliseconds(int pid)
    {
        long total = 0;
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                string text = File.ReadAllText(Path.Combine(task, "schedstat"));
                total += long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // A thread may end between listing and reading; its time is lost either way.
            }
        }

        return total / 1e6;
    }

    /// <summary>Peak resident set size (VmHWM) in MB.</summary>
    public static double PeakRssMb(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
