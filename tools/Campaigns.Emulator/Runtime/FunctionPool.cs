using Campaigns.Emulator.Functions;
using Campaigns.Emulator.Hosting;
using Campaigns.Emulator.Processes;
using Campaigns.Emulator.Reporting;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Runtime;

/// <summary>
/// The execution environments of one function, managed the way Lambda does: a process starts on demand
/// (cold start), is reused while warm, concurrent requests get more processes up to the slot count, further
/// requests queue, and dead or idle processes are removed. All state changes happen under one lock; side
/// effects (spawning, killing, logging, completing requests) happen after it is released.
/// </summary>
/// <remarks>
/// Queued invocations go to whichever process asks first, so a process started for one request may serve
/// another; "cold" is therefore a property of a process's first invocation, exactly as in a REPORT line.
/// </remarks>
internal sealed partial class FunctionPool : IFunctionInvoker, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly PoolSettings _settings;
    private readonly IProcessLauncher _launcher;
    private readonly LaunchPlanner _planner;
    private readonly InvocationReporter _reporter;
    private readonly EmulatorLog _log;
    private readonly TimeProvider _time;
    private readonly List<PendingInvocation> _queue = [];
    private readonly List<FunctionInstance> _instances = [];
    private readonly ITimer _idleTimer;
    private int _pollFaults;
    private bool _disposed;

    public FunctionPool(
        FunctionDefinition function,
        IEnumerable<int> ports,
        PoolSettings settings,
        IProcessLauncher launcher,
        LaunchPlanner planner,
        InvocationReporter reporter,
        EmulatorLog log,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        Function = function;
        _settings = settings;
        _launcher = launcher;
        _planner = planner;
        _reporter = reporter;
        _log = log;
        _time = time;
        Slots = [.. ports.Select(port => new ProcessSlot(port, this))];
        FunctionArn = $"arn:aws:lambda:{settings.Region}:000000000000:function:{function.Name}";
        // Checking a few times per idle period keeps reaping close to the configured timeout.
        var period = TimeSpan.FromTicks(Math.Clamp(settings.IdleTimeout.Ticks / 4, TimeSpan.FromMilliseconds(25).Ticks, TimeSpan.FromSeconds(15).Ticks));
        _idleTimer = time.CreateTimer(_ => ReapIdle(), null, period, period);
    }

    public FunctionDefinition Function { get; }

    public string Name => Function.Name;

    public string FunctionArn { get; }

    public IReadOnlyList<ProcessSlot> Slots { get; }

    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingInvocation(request);
        List<FunctionInstance> starts;
        lock (_gate)
        {
            if (_disposed)
            {
                return InvocationOutcome.Of(OutcomeKind.Unavailable);
            }

            _queue.Add(pending);
            starts = DispatchLocked();
        }

        Launch(starts);
        try
        {
            return await pending.Outcome.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller left. A queued invocation is dropped; one in flight runs on, unobserved, as in Lambda.
            lock (_gate)
            {
                _queue.Remove(pending);
            }

            throw;
        }
    }

    /// <summary>Invocations waiting for a process.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public IReadOnlyList<FunctionProcessInfo> Snapshot()
    {
        lock (_gate)
        {
            return [.. _instances.Select(i => new FunctionProcessInfo(Name, i.ProcessId, PublicState(i.State), i.Slot.Port))];
        }
    }

    private static FunctionProcessState PublicState(InstanceState state) => state switch
    {
        InstanceState.Starting => FunctionProcessState.Starting,
        InstanceState.Polling => FunctionProcessState.Idle,
        InstanceState.Stopping => FunctionProcessState.Stopping,
        _ => FunctionProcessState.Busy,
    };

    /// <summary>Hands queued invocations to parked processes, then reserves slots for what is still queued.</summary>
    private List<FunctionInstance> DispatchLocked()
    {
        while (_queue.Count > 0)
        {
            // The most recently parked process first, as Lambda favours warm environments; the others can go idle.
            var parked = _instances.Where(i => i.State == InstanceState.Polling && i.Poll is not null)
                .MaxBy(i => i.IdleSinceTimestamp);
            if (parked is null)
            {
                break;
            }

            var poll = parked.Poll!;
            parked.Poll = null;
            poll.TrySetResult(HandOut(AssignLocked(parked, TakeQueuedLocked()!)));
        }

        return PlanStartsLocked();
    }

    private List<FunctionInstance> PlanStartsLocked()
    {
        var starts = new List<FunctionInstance>();
        if (_disposed)
        {
            return starts;
        }

        // A process that has just answered will call next within moments: count it as capacity rather than
        // cold-starting another process for a request that arrives in that gap.
        var comingUp = _instances.Count(i => i.State is InstanceState.Starting or InstanceState.Returning);
        var deficit = _queue.Count - comingUp;
        foreach (var slot in Slots)
        {
            if (deficit <= 0)
            {
                break;
            }

            if (slot.Instance is null)
            {
                var instance = new FunctionInstance(slot, _time.GetTimestamp());
                slot.Instance = instance;
                _instances.Add(instance);
                starts.Add(instance);
                deficit--;
            }
        }

        return starts;
    }

    private PendingInvocation? TakeQueuedLocked()
    {
        if (_queue.Count == 0)
        {
            return null;
        }

        var next = _queue[0];
        _queue.RemoveAt(0);
        return next;
    }

    private ActiveInvocation AssignLocked(FunctionInstance instance, PendingInvocation pending)
    {
        var initDuration = instance.HasServed ? null : instance.InitDurationMs;
        instance.HasServed = true;
        instance.State = InstanceState.Busy;
        var active = new ActiveInvocation(pending, _time.GetTimestamp(), _time.GetUtcNow() + _settings.FunctionTimeout, initDuration);
        active.TimeoutTimer = _time.CreateTimer(_ => OnTimeout(instance, active), null, _settings.FunctionTimeout, Timeout.InfiniteTimeSpan);
        instance.Current = active;
        return active;
    }

    /// <summary>Spawns reserved instances. A spawn that fails costs the oldest queued request, like a failed init.</summary>
    private void Launch(List<FunctionInstance> starts)
    {
        var work = new Queue<FunctionInstance>(starts);
        while (work.TryDequeue(out var instance))
        {
            var launch = _planner.Plan(Name, instance.Slot.Port);
            IFunctionProcess process;
            try
            {
                process = _launcher.Start(launch);
            }
            catch (Exception ex)
            {
                // Whatever went wrong (missing or non-executable bootstrap, a throwing launch override), the
                // request that needed this process must get its 500 rather than hang.
                _log.Line($"{Name}: could not start {launch.ExecutablePath}: {ex.Message}");
                PendingInvocation? failed;
                lock (_gate)
                {
                    RemoveLocked(instance);
                    failed = TakeQueuedLocked();
                    foreach (var retry in PlanStartsLocked())
                    {
                        work.Enqueue(retry);
                    }
                }

                FailInit(instance, failed, "Runtime.InvalidEntrypoint", OutcomeKind.InitFailed);
                instance.MarkExited();
                continue;
            }

            bool disposed;
            lock (_gate)
            {
                instance.Process = process;
                disposed = _disposed;
                if (!disposed && instance.State == InstanceState.Starting && instance.InitDurationMs is null)
                {
                    instance.InitTimer = _time.CreateTimer(_ => OnInitTimeout(instance), null, _settings.InitTimeout, Timeout.InfiniteTimeSpan);
                }
            }

            if (disposed)
            {
                // Shutdown began while this process was being spawned, so the shutdown's kill missed it.
                process.Kill();
            }

            _log.Line($"{Name}: started process {process.Id} on Runtime API 127.0.0.1:{instance.Slot.Port} (cold start)");
            _ = MonitorAsync(instance, process);
        }
    }

    private NextAnswer HandOut(ActiveInvocation active) => NextAnswer.For(new NextInvocation(
        active.RequestId, active.Pending.Request.Event, active.Deadline, FunctionArn, active.Pending.Request.TraceId));

    private void RemoveLocked(FunctionInstance instance)
    {
        _instances.Remove(instance);
        if (instance.Slot.Instance == instance)
        {
            instance.Slot.Instance = null;
        }

        instance.InitTimer?.Dispose();
        instance.KillTimer?.Dispose();
    }

    private double ElapsedMs(long timestamp) => _time.GetElapsedTime(timestamp).TotalMilliseconds;
}
