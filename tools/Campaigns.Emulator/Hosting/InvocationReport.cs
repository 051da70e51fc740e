namespace Campaigns.Emulator.Hosting;

/// <summary>The structured form of one REPORT line.</summary>
/// <param name="InitDurationMs">Spawn to first <c>next</c>; only on a cold start.</param>
/// <param name="DurationMs">Event handed over to response or error posted (to the kill, for timeouts and crashes).</param>
/// <param name="BilledDurationMs">Duration rounded up to 1 ms, plus the init duration on cold starts (custom runtimes bill init).</param>
/// <param name="MaxMemoryUsedMb">The process's peak resident set (VmHWM), rounded up; 0 when it could not be read.</param>
public sealed record InvocationReport(
    string FunctionName,
    string RequestId,
    int ProcessId,
    bool ColdStart,
    double? InitDurationMs,
    double DurationMs,
    long BilledDurationMs,
    int MemorySizeMb,
    int MaxMemoryUsedMb,
    InvocationStatus Status);
