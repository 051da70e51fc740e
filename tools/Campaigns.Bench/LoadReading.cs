namespace Campaigns.Bench;

/// <summary>
/// One look at the machine: the 1-minute load average of /proc/loadavg, procs_running of /proc/stat (the
/// tasks running or waiting for a core at that instant), and how many of those were the run's own: the
/// bench's threads (the sampler reading among them), its functions' and DynamoDB Local's.
/// </summary>
internal sealed record LoadReading(double LoadAverage, int ProcsRunning, int OwnRunning);
