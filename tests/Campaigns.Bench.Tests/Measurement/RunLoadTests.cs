namespace Campaigns.Bench.Tests.Measurement;

public sealed class RunLoadTests
{
    [Fact]
    public void Of_LeavesOutTheRunsOwnRunnableTasks()
    {
        // 7 running of which 5 the run's own (bench, function, DynamoDB Local), then 3 of 3: 1.0 and 0 per core.
        var load = RunLoad.Of([new LoadReading(4.0, 7, OwnRunning: 5), new LoadReading(2.0, 3, OwnRunning: 3)], cores: 2, TimeSpan.FromMilliseconds(500));

        load.RunnablePerCoreMean.ShouldBe(0.5);
        load.RunnablePerCoreMax.ShouldBe(1.0);
        load.LoadAverageMean.ShouldBe(3.0);
    }
}
