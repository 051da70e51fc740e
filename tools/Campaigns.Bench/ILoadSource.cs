namespace Campaigns.Bench;

/// <summary>Where the load sampler looks: the machine's /proc, or a test's hand-made readings.</summary>
internal interface ILoadSource
{
    int Cores { get; }

    LoadReading Read();
}
