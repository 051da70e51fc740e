namespace Campaigns.Bench;

/// <summary>
/// One look at the machine: the 1-minute load average of /proc/loadavg, and procs_running of /proc/stat
/// (the tasks running or waiting for a core at that instant, the reader itself among them).
/// </summary>
internal sealed record LoadReading(double LoadAverage, int ProcsRunning);
