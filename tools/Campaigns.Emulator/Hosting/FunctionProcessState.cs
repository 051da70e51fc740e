namespace Campaigns.Emulator.Hosting;

public enum FunctionProcessState
{
    /// <summary>Spawned, has not asked for its first invocation yet (init).</summary>
    Starting,

    /// <summary>Waiting in <c>next</c>: a warm environment.</summary>
    Idle,

    /// <summary>Serving an invocation (or between posting its answer and asking for the next one).</summary>
    Busy,

    /// <summary>Being killed or expected to exit; no longer receives invocations.</summary>
    Stopping,
}
