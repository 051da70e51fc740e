using Campaigns.Emulator.Hosting;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Runtime;

/// <summary>The Runtime API calls a process makes, identified by the slot (port) it calls on.</summary>
internal sealed partial class FunctionPool
{
    /// <summary>
    /// <c>GET /runtime/invocation/next</c>: answers at once when an invocation is queued, otherwise parks the
    /// call, without any timeout, until one is assigned or the process goes away.
    /// </summary>
    public async Task<NextAnswer> WaitForNextAsync(ProcessSlot slot, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(slot);
        FunctionInstance? instance;
        ActiveInvocation? unanswered;
        NextAnswer? immediate = null;
        TaskCompletionSource<NextAnswer>? parked = null;
        var faulted = false;
        lock (_gate)
        {
            instance = slot.Instance;
            if (instance is null || instance.State == InstanceState.Stopping)
            {
                return NextAnswer.Fault("This execution environment is shut down.");
            }

            if (instance.Poll is not null)
            {
                return NextAnswer.Rejected("A next request from this process is already waiting.");
            }

            if (instance.State == InstanceState.Starting)
            {
                instance.InitDurationMs = ElapsedMs(instance.SpawnTimestamp);
                instance.InitTimer?.Dispose();
                instance.InitTimer = null;
            }

            unanswered = instance.Current;
            instance.Current = null;
            unanswered?.TimeoutTimer?.Dispose();
            if (_pollFaults > 0)
            {
                _pollFaults--;
                instance.State = InstanceState.Stopping;
                faulted = true;
            }
            else
            {
                instance.State = InstanceState.Polling;
                instance.IdleSinceTimestamp = _time.GetTimestamp();
                var queued = TakeQueuedLocked();
                if (queued is not null)
                {
                    immediate = HandOut(AssignLocked(instance, queued));
                }
                else
                {
                    parked = new TaskCompletionSource<NextAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
                    instance.Poll = parked;
                }
            }
        }

        if (unanswered is not null)
        {
            // Asking for the next event ends the current one; without an answer it can only be a failure.
            _log.Line($"{Name}: process {instance.ProcessId} asked for the next invocation without answering {unanswered.RequestId}");
            var report = Report(instance, unanswered, InvocationStatus.FunctionError, "Runtime.NoResponse");
            unanswered.Pending.Complete(InvocationOutcome.Of(OutcomeKind.FunctionError, report));
        }

        ReadPeakMemory(instance);
        if (faulted)
        {
            return InjectedFault(instance);
        }

        if (immediate is not null)
        {
            return immediate;
        }

        using (aborted.Register(() => AbandonPoll(instance, parked!)))
        {
            return await parked!.Task;
        }
    }

    /// <summary>Whether <paramref name="requestId"/> is the invocation in flight on this slot's process.</summary>
    public bool IsInFlight(ProcessSlot slot, string requestId)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_gate)
        {
            return slot.Instance?.Current?.RequestId == requestId;
        }
    }

    /// <summary><c>POST .../response</c> or <c>.../error</c>; false when the id is not in flight on this process.</summary>
    /// <param name="errorDescription">For errors: a one-line summary of the error body, for the log.</param>
    public bool Complete(ProcessSlot slot, string requestId, OutcomeKind kind, byte[] payload, string? errorType, string? errorDescription)
    {
        ArgumentNullException.ThrowIfNull(slot);
        FunctionInstance? instance;
        ActiveInvocation? active;
        lock (_gate)
        {
            instance = slot.Instance;
            active = instance?.Current;
            if (instance is null || active is null || active.RequestId != requestId)
            {
                return false;
            }

            instance.Current = null;
            instance.State = InstanceState.Returning;
            active.TimeoutTimer?.Dispose();
        }

        if (errorType is not null)
        {
            _log.Line($"{Name}: invocation {requestId} failed: {errorType}: {errorDescription}");
        }

        // The report is recorded before the caller is answered, so whoever sees the answer also sees the report.
        var status = kind == OutcomeKind.Response ? InvocationStatus.Success : InvocationStatus.FunctionError;
        var report = Report(instance, active, status, errorType);
        active.Pending.Complete(new InvocationOutcome(kind, payload) { Report = report, ErrorType = errorType });
        return true;
    }

    /// <summary>
    /// <c>POST /runtime/init/error</c>: the process has failed. The request it was started for gets its 500;
    /// the process should exit, and is killed if it has not within a second.
    /// </summary>
    public void ReportInitError(ProcessSlot slot, string errorType, string description)
    {
        ArgumentNullException.ThrowIfNull(slot);
        FunctionInstance? instance;
        PendingInvocation? failed = null;
        ActiveInvocation? active;
        lock (_gate)
        {
            instance = slot.Instance;
            if (instance is null)
            {
                return;
            }

            if (instance.State == InstanceState.Starting)
            {
                failed = TakeQueuedLocked();
            }

            instance.State = InstanceState.Stopping;
            active = instance.Current;
            instance.Current = null;
            active?.TimeoutTimer?.Dispose();
        }

        _log.Line($"{Name}: process {instance.ProcessId} reported an init error: {errorType}: {description}");
        FailInit(instance, failed, errorType, OutcomeKind.InitFailed);
        if (active is not null)
        {
            var report = Report(instance, active, InvocationStatus.FunctionError, errorType);
            active.Pending.Complete(InvocationOutcome.Of(OutcomeKind.FunctionError, report));
        }

        ScheduleKill(instance, TimeSpan.FromSeconds(1));
    }

    /// <summary>The fault hook: a parked next is answered 500 now, otherwise the function's next next call is.</summary>
    public void FailNextPoll()
    {
        FunctionInstance? parked;
        TaskCompletionSource<NextAnswer>? poll = null;
        lock (_gate)
        {
            parked = _instances.Where(i => i.State == InstanceState.Polling && i.Poll is not null).MaxBy(i => i.IdleSinceTimestamp);
            if (parked is null)
            {
                _pollFaults++;
            }
            else
            {
                poll = parked.Poll;
                parked.Poll = null;
                parked.State = InstanceState.Stopping;
            }
        }

        if (parked is not null)
        {
            poll!.TrySetResult(InjectedFault(parked));
        }
    }

    private NextAnswer InjectedFault(FunctionInstance instance)
    {
        _log.Line($"{Name}: answering next from process {instance.ProcessId} with 500 (injected fault)");
        // A 500 tells the runtime to exit; one that does not is killed, as Lambda would replace it.
        ScheduleKill(instance, TimeSpan.FromSeconds(1));
        return NextAnswer.Fault("Injected Runtime API failure.");
    }

    private void AbandonPoll(FunctionInstance instance, TaskCompletionSource<NextAnswer> parked)
    {
        lock (_gate)
        {
            if (instance.Poll == parked)
            {
                instance.Poll = null;
                if (instance.State == InstanceState.Polling)
                {
                    // The connection is gone (usually the process is dying); it is not parked any more.
                    instance.State = InstanceState.Returning;
                }
            }
        }

        parked.TrySetResult(NextAnswer.Aborted);
    }
}
