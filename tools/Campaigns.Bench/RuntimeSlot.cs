using System.Threading.Channels;

namespace Campaigns.Bench;

/// <summary>The Runtime API as one function process sees it: invocations queue here and its `next` calls take them.</summary>
internal sealed class RuntimeSlot
{
    private Channel<BenchInvocation> _pending = Channel.CreateUnbounded<BenchInvocation>();
    private TaskCompletionSource<long> _nextCalled = NewSignal();

    public int Port { get; set; }

    public BenchInvocation? Current { get; set; }

    public ChannelReader<BenchInvocation> Pending => Volatile.Read(ref _pending).Reader;

    /// <summary>Completes with the timestamp of the process's next call to `next`.</summary>
    public Task<long> NextCalled => Volatile.Read(ref _nextCalled).Task;

    public void SignalNext(long at) => Volatile.Read(ref _nextCalled).TrySetResult(at);

    /// <summary>Arms <see cref="NextCalled"/> for the following call; done before handing out an invocation.</summary>
    public void ResetNextSignal() => Volatile.Write(ref _nextCalled, NewSignal());

    public void Enqueue(BenchInvocation invocation) => Volatile.Read(ref _pending).Writer.TryWrite(invocation);

    /// <summary>
    /// Readies the slot for a new process. A killed process's pending `next` may still be waiting on the
    /// old queue; giving the slot a new one guarantees that stale request can never take a new invocation.
    /// </summary>
    public void Reset()
    {
        Volatile.Write(ref _pending, Channel.CreateUnbounded<BenchInvocation>());
        ResetNextSignal();
        Current = null;
    }

    private static TaskCompletionSource<long> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
