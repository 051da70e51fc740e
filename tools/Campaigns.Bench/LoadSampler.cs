namespace Campaigns.Bench;

/// <summary>
/// Samples the machine's load on a timer for as long as a run lasts: once at <see cref="Start"/>, every
/// interval after, and once at <see cref="Stop"/>, so even a short run has its load on record.
/// </summary>
internal sealed class LoadSampler(ILoadSource source, TimeProvider time, TimeSpan interval) : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);
    private readonly List<LoadReading> _readings = [];
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _stopped;

    public void Start()
    {
        Sample();
        _timer = time.CreateTimer(_ => Sample(), null, interval, interval);
    }

    public RunLoad Stop()
    {
        _timer?.Dispose();
        Sample();
        lock (_gate)
        {
            _stopped = true;
            return RunLoad.Of([.. _readings], source.Cores, interval);
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Sample()
    {
        LoadReading reading;
        try
        {
            reading = source.Read();
        }
        catch (IOException)
        {
            // One missed look leaves the others; a timer callback that threw would end the bench.
            return;
        }

        lock (_gate)
        {
            if (!_stopped)
            {
                _readings.Add(reading);
            }
        }
    }
}
