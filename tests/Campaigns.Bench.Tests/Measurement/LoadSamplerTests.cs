using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Bench.Tests.Measurement;

public sealed class LoadSamplerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Stop_AfterARun_GivesMeanAndMaxOfEveryReadingTakenEveryInterval()
    {
        var source = new ScriptedLoad(cores: 2, (1.5, 3), (2.5, 5), (0.5, 1), (1.5, 3));
        using var sampler = new LoadSampler(source, _time, Interval);

        sampler.Start();
        _time.Advance(Interval);
        _time.Advance(Interval);
        var load = sampler.Stop();

        // Per core, less the sampler: 1.0, 2.0, 0.0, 1.0.
        load.ShouldBe(new RunLoad(4, Interval, 2, RunnablePerCoreMean: 1.0, RunnablePerCoreMax: 2.0, LoadAverageMean: 1.5, LoadAverageMax: 2.5));
    }

    [Fact]
    public void Start_ReadsAtOnceAndThenOnlyEachFullInterval()
    {
        var source = new ScriptedLoad(cores: 2, (1, 2), (1, 2), (1, 2));
        using var sampler = new LoadSampler(source, _time, Interval);

        sampler.Start();
        source.Reads.ShouldBe(1);
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        source.Reads.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        source.Reads.ShouldBe(2);
    }

    [Fact]
    public void Stop_EndsTheSampling()
    {
        var source = new ScriptedLoad(cores: 2, (1, 2), (1, 2), (1, 2), (1, 2));
        using var sampler = new LoadSampler(source, _time, Interval);
        sampler.Start();

        sampler.Stop().Samples.ShouldBe(2);
        _time.Advance(Interval * 4);

        source.Reads.ShouldBe(2);
    }

    [Fact]
    public void Sample_WhenAReadingFails_KeepsTheOthers()
    {
        var source = new ScriptedLoad(cores: 2, (1, 2)) { FailAfterScript = true };
        using var sampler = new LoadSampler(source, _time, Interval);

        sampler.Start();
        _time.Advance(Interval);

        sampler.Stop().Samples.ShouldBe(1);
    }

    /// <summary>Hands out its readings in order; past the script, it repeats the last or fails like a vanished /proc file.</summary>
    private sealed class ScriptedLoad(int cores, params (double LoadAverage, int ProcsRunning)[] script) : ILoadSource
    {
        public int Reads { get; private set; }

        public bool FailAfterScript { get; init; }

        public int Cores => cores;

        public LoadReading Read()
        {
            if (Reads >= script.Length && FailAfterScript)
            {
                throw new IOException("gone");
            }

            var (loadAverage, procsRunning) = script[Math.Min(Reads++, script.Length - 1)];
            return new LoadReading(loadAverage, procsRunning, OwnRunning: 1);
        }
    }
}
