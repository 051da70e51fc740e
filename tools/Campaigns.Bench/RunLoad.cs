namespace Campaigns.Bench;

/// <summary>
/// The machine's load across a run, from the sampler's readings. Runnable tasks per core counts each
/// reading's procs_running less the run's own (the bench, the sampler reading among its threads, the
/// functions it starts and DynamoDB Local), over the cores: what else competes with the run for a core.
/// </summary>
internal sealed record RunLoad(int Samples, TimeSpan Interval, int Cores, double RunnablePerCoreMean, double RunnablePerCoreMax, double LoadAverageMean, double LoadAverageMax)
{
    public static RunLoad Of(IReadOnlyList<LoadReading> readings, int cores, TimeSpan interval)
    {
        if (readings.Count == 0)
        {
            return new RunLoad(0, interval, cores, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var perCore = readings.Select(r => Math.Max(0, r.ProcsRunning - r.OwnRunning) / (double)cores).ToList();
        return new RunLoad(readings.Count, interval, cores, perCore.Average(), perCore.Max(), readings.Average(r => r.LoadAverage), readings.Max(r => r.LoadAverage));
    }
}
