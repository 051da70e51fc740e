namespace Campaigns.Emulator.Processes;

/// <summary>A running function process, as far as the pool cares.</summary>
internal interface IFunctionProcess
{
    int Id { get; }

    /// <summary>Completes with the exit code once the process has exited and its output has been drained.</summary>
    Task<int> Exited { get; }

    /// <summary>Kills the process and its descendants; harmless once it has exited.</summary>
    void Kill();

    /// <summary>Peak resident set size in kB (VmHWM), or 0 when it cannot be read.</summary>
    long ReadPeakMemoryKb();
}
