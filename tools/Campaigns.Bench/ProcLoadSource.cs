using System.Globalization;

namespace Campaigns.Bench;

/// <summary>
/// The machine's load, read from /proc: the load average, procs_running, and the run's own runnable
/// threads, those of this process, of every process it started (its functions, followed through each
/// thread's <c>children</c>), and of <paramref name="ownPids"/> (DynamoDB Local, which the build started).
/// </summary>
internal sealed class ProcLoadSource(IReadOnlyCollection<int> ownPids, string proc = "/proc", int? selfPid = null) : ILoadSource
{
    private readonly int _self = selfPid ?? Environment.ProcessId;

    public int Cores => Environment.ProcessorCount;

    public LoadReading Read()
    {
        var machine = Parse(File.ReadAllText(Path.Combine(proc, "loadavg")), File.ReadAllText(Path.Combine(proc, "stat")));

        // The reader is running while it reads: at least one of the run's own is.
        return machine with { OwnRunning = Math.Max(1, OwnRunningThreads()) };
    }

    /// <summary>The first field of /proc/loadavg and the value of the "procs_running" line of /proc/stat.</summary>
    public static LoadReading Parse(string loadavg, string stat)
    {
        double loadAverage = double.Parse(loadavg.Split(' ', 2)[0], CultureInfo.InvariantCulture);
        string running = stat.Split('\n').FirstOrDefault(line => line.StartsWith("procs_running ", StringComparison.Ordinal))
            ?? throw new FormatException("no procs_running line in /proc/stat");
        return new LoadReading(loadAverage, int.Parse(running.AsSpan("procs_running ".Length).Trim(), CultureInfo.InvariantCulture), 0);
    }

    /// <summary>Whether a task's stat line says it is running or runnable: the state field after the last ')'.</summary>
    public static bool IsRunnable(string stat) => ProcStats.FieldsAfterName(stat) is ["R", ..];

    private int OwnRunningThreads()
    {
        var seen = new HashSet<int>();
        var pending = new Queue<int>([_self, .. ownPids]);
        int running = 0;
        while (pending.TryDequeue(out int pid))
        {
            if (!seen.Add(pid))
            {
                continue;
            }

            // A process may end between two reads: what is gone is not running.
            string tasks = Path.Combine(proc, pid.ToString(CultureInfo.InvariantCulture), "task");
            string[] threads;
            try
            {
                threads = Directory.GetDirectories(tasks);
            }
            catch (DirectoryNotFoundException)
            {
                continue;
            }

            foreach (string thread in threads)
            {
                running += Read(Path.Combine(thread, "stat")) is { } stat && IsRunnable(stat) ? 1 : 0;
                foreach (string child in (Read(Path.Combine(thread, "children")) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    pending.Enqueue(int.Parse(child, CultureInfo.InvariantCulture));
                }
            }
        }

        return running;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
