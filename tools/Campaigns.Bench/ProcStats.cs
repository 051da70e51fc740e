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

    /// <summary>
    /// Minor page faults of the whole process since it was spawned: /proc/&lt;pid&gt;/stat of the main task
    /// counts every thread's, the ended ones' included.
    /// </summary>
    public static long MinorFaults(int pid) => MinorFaultsOf(File.ReadAllText($"/proc/{pid}/stat"));

    /// <summary>
    /// Field 10 (minflt) of a stat line. The command name (field 2) may hold spaces and parentheses, so the
    /// fields are counted from the last ')': state is the first after it, minflt the eighth.
    /// </summary>
    public static long MinorFaultsOf(string stat)
    {
        string[] fields = FieldsAfterName(stat);
        return fields.Length > 7
            ? long.Parse(fields[7], CultureInfo.InvariantCulture)
            : throw new FormatException("not a /proc/<pid>/stat line: " + stat);
    }

    /// <summary>The fields of a stat line after the command name (state first); none when the line has no name.</summary>
    public static string[] FieldsAfterName(string stat)
    {
        int nameEnd = stat.LastIndexOf(')');
        return nameEnd < 0 ? [] : stat[(nameEnd + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
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
