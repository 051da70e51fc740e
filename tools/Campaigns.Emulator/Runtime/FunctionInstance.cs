using Campaigns.Emulator.Processes;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Runtime;

/// <summary>One function process (a Lambda execution environment). Mutable state is guarded by the pool's lock.</summary>
internal sealed class FunctionInstance(ProcessSlot slot, long spawnTimestamp)
{
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProcessSlot Slot { get; } = slot;

    public long SpawnTimestamp { get; } = spawnTimestamp;

    public InstanceState State { get; set; } = InstanceState.Starting;

    public IFunctionProcess? Process { get; set; }

    public int ProcessId => Process?.Id ?? 0;

    /// <summary>Spawn to first next; consumed by the first invocation, which is the cold start.</summary>
    public double? InitDurationMs { get; set; }

    public bool HasServed { get; set; }

    public TaskCompletionSource<NextAnswer>? Poll { get; set; }

    public ActiveInvocation? Current { get; set; }

    public long IdleSinceTimestamp { get; set; }

    public ITimer? InitTimer { get; set; }

    public ITimer? KillTimer { get; set; }

    /// <summary>The last peak memory read, kept because a crashed process's /proc entry is gone.</summary>
    public int LastPeakMemoryMb { get; set; }

    public Task Exited => _exited.Task;

    public void MarkExited() => _exited.TrySetResult();
}
