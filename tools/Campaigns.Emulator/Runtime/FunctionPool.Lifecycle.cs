using System.Globalization;
using Campaigns.Emulator.Hosting;
using Campaigns.Emulator.Processes;
using Campaigns.Emulator.Reporting;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Runtime;

/// <summary>Process deaths, timeouts, idle reaping and shutdown.</summary>
internal sealed partial class FunctionPool
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    /// <summary>Kills every process of the function and waits for them to exit; returns how many there were.</summary>
    public async Task<int> KillAllAsync(CancellationToken cancellationToken)
    {
        List<FunctionInstance> victims;
        var polls = new List<TaskCompletionSource<NextAnswer>>();
        lock (_gate)
        {
            victims = [.. _instances.Where(i => i.Process is not null)];
            foreach (var instance in victims)
            {
                // In-flight invocations are failed when the exit is seen; queued ones go to new processes.
                instance.State = InstanceState.Stopping;
                if (instance.Poll is not null)
                {
                    polls.Add(instance.Poll);
                    instance.Poll = null;
                }
            }
        }

        foreach (var instance in victims)
        {
            _log.Line($"{Name}: killing process {instance.ProcessId}");
            instance.Process!.Kill();
        }

        polls.ForEach(poll => poll.TrySetResult(NextAnswer.Aborted));
        await Task.WhenAll(victims.Select(v => v.Exited)).WaitAsync(cancellationToken);
        return victims.Count;
    }

    public async ValueTask DisposeAsync()
    {
        List<PendingInvocation> queued;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            queued = [.. _queue];
            _queue.Clear();
        }

        await _idleTimer.DisposeAsync();
        queued.ForEach(q => q.Complete(InvocationOutcome.Of(OutcomeKind.Unavailable)));
        try
        {
            await KillAllAsync(CancellationToken.None).WaitAsync(ExitWait);
        }
        catch (TimeoutException)
        {
            _log.Line($"{Name}: some processes did not exit within {ExitWait.TotalSeconds} s of being killed");
        }
    }

    private async Task MonitorAsync(FunctionInstance instance, IFunctionProcess process)
    {
        var exitCode = await process.Exited;
        OnExited(instance, exitCode);
    }

    private void OnExited(FunctionInstance instance, int exitCode)
    {
        InstanceState previous;
        ActiveInvocation? active;
        TaskCompletionSource<NextAnswer>? poll;
        PendingInvocation? failedInit = null;
        List<FunctionInstance> starts;
        lock (_gate)
        {
            previous = instance.State;
            active = instance.Current;
            instance.Current = null;
            active?.TimeoutTimer?.Dispose();
            poll = instance.Poll;
            instance.Poll = null;
            instance.State = InstanceState.Stopping;
            if (previous == InstanceState.Starting)
            {
                failedInit = TakeQueuedLocked();
            }

            RemoveLocked(instance);
            starts = PlanStartsLocked();
        }

        poll?.TrySetResult(NextAnswer.Aborted);
        var pid = instance.ProcessId;
        if (active is not null)
        {
            _log.Line($"{Name}: process {pid} exited with code {exitCode} during invocation {active.RequestId}");
            var report = Report(instance, active, InvocationStatus.Crashed, "Runtime.ExitError");
            active.Pending.Complete(InvocationOutcome.Of(OutcomeKind.Crashed, report));
        }
        else if (previous == InstanceState.Starting)
        {
            _log.Line($"{Name}: process {pid} exited with code {exitCode} during init");
            FailInit(instance, failedInit, "Runtime.ExitError", OutcomeKind.InitFailed);
        }
        else
        {
            _log.Line(previous == InstanceState.Stopping
                ? $"{Name}: process {pid} stopped (exit code {exitCode})"
                : $"{Name}: process {pid} exited with code {exitCode}");
        }

        instance.MarkExited();
        // The slot is free again: whatever is still queued gets a new (cold) process.
        Launch(starts);
    }

    private void OnTimeout(FunctionInstance instance, ActiveInvocation active)
    {
        lock (_gate)
        {
            if (instance.Current != active)
            {
                return;
            }

            instance.Current = null;
            instance.State = InstanceState.Stopping;
        }

        var seconds = _settings.FunctionTimeout.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        _log.Line($"{Name}: {active.RequestId} Task timed out after {seconds} seconds; killing process {instance.ProcessId}");
        var report = Report(instance, active, InvocationStatus.TimedOut, "Sandbox.Timedout");
        instance.Process?.Kill();
        active.Pending.Complete(InvocationOutcome.Of(OutcomeKind.TimedOut, report));
    }

    private void OnInitTimeout(FunctionInstance instance)
    {
        PendingInvocation? failed;
        lock (_gate)
        {
            if (instance.State != InstanceState.Starting)
            {
                return;
            }

            instance.State = InstanceState.Stopping;
            failed = TakeQueuedLocked();
        }

        _log.Line($"{Name}: process {instance.ProcessId} did not call next within {_settings.InitTimeout.TotalSeconds} s of starting; killing it");
        instance.Process?.Kill();
        FailInit(instance, failed, "Sandbox.Timedout", OutcomeKind.TimedOut);
    }

    private void ReapIdle()
    {
        var reaped = new List<(FunctionInstance Instance, TaskCompletionSource<NextAnswer> Poll)>();
        lock (_gate)
        {
            foreach (var instance in _instances)
            {
                if (instance.State == InstanceState.Polling && instance.Poll is not null
                    && _time.GetElapsedTime(instance.IdleSinceTimestamp) >= _settings.IdleTimeout)
                {
                    reaped.Add((instance, instance.Poll));
                    instance.Poll = null;
                    instance.State = InstanceState.Stopping;
                }
            }
        }

        foreach (var (instance, poll) in reaped)
        {
            _log.Line($"{Name}: process {instance.ProcessId} idle for {_settings.IdleTimeout.TotalSeconds} s; stopping it");
            instance.Process?.Kill();
            poll.TrySetResult(NextAnswer.Aborted);
        }
    }

    private void ScheduleKill(FunctionInstance instance, TimeSpan grace)
    {
        var timer = _time.CreateTimer(_ => instance.Process?.Kill(), null, grace, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            instance.KillTimer?.Dispose();
            instance.KillTimer = timer;
            if (!_instances.Contains(instance))
            {
                // Already exited and cleaned up: nothing left to kill.
                timer.Dispose();
            }
        }
    }

    /// <summary>Fails the request a process was started for (if any) because that process never became ready.</summary>
    private void FailInit(FunctionInstance instance, PendingInvocation? failed, string errorType, OutcomeKind outcome)
    {
        if (failed is null)
        {
            return;
        }

        var init = ElapsedMs(instance.SpawnTimestamp);
        var report = new InvocationReport(
            Name, failed.RequestId, instance.ProcessId, ColdStart: true, init, 0, BilledDuration.Of(0, init),
            _settings.MemorySizeMb, ReadPeakMemory(instance), InvocationStatus.InitFailed);
        _reporter.Record(report, errorType);
        failed.Complete(InvocationOutcome.Of(outcome, report));
    }

    /// <summary>Records the REPORT line and returns it, for the outcome that completes the invocation.</summary>
    private InvocationReport Report(FunctionInstance instance, ActiveInvocation active, InvocationStatus status, string? errorType)
    {
        var duration = ElapsedMs(active.StartTimestamp);
        var report = new InvocationReport(
            Name, active.RequestId, instance.ProcessId, active.ColdStart, active.InitDurationMs, duration,
            BilledDuration.Of(duration, active.InitDurationMs), _settings.MemorySizeMb, ReadPeakMemory(instance), status);
        _reporter.Record(report, errorType);
        return report;
    }

    private static int ReadPeakMemory(FunctionInstance instance)
    {
        var kilobytes = instance.Process?.ReadPeakMemoryKb() ?? 0;
        if (kilobytes > 0)
        {
            // Rounded up: a report never claims less memory than was used.
            instance.LastPeakMemoryMb = (int)((kilobytes + 1023) / 1024);
        }

        return instance.LastPeakMemoryMb;
    }
}
