using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Campaigns.RuntimeApi;

namespace Campaigns.Bench;

/// <summary>
/// The Runtime API as one measured function process sees it, on a port of its own: invocations queue here
/// and its `next` calls take them, with the moments that matter taken as the calls arrive.
/// </summary>
internal sealed class BenchSlot : IRuntimeApiBackend
{
    private const string FunctionArn = "arn:aws:lambda:eu-west-1:000000000000:function:bench";
    private const string TraceId = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
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

    public async Task<NextAnswer> NextAsync(long arrivedTimestamp, CancellationToken aborted)
    {
        SignalNext(arrivedTimestamp);
        var invocation = await Pending.ReadAsync(aborted);
        ResetNextSignal();
        Current = invocation;
        invocation.HandedAt = Stopwatch.GetTimestamp();
        return NextAnswer.For(new NextInvocation(
            invocation.RequestId, invocation.Payload, DateTimeOffset.UtcNow.AddSeconds(30), FunctionArn, TraceId));
    }

    public bool IsInFlight(string requestId) => Current?.RequestId == requestId;

    public bool Complete(string requestId, PostedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Current is not { } invocation || invocation.RequestId != requestId)
        {
            return false;
        }

        Current = null;
        invocation.Complete(result.ArrivedTimestamp, !result.IsError, Encoding.UTF8.GetString(result.Body));
        return true;
    }

    public void InitError(string errorType, byte[] body) =>
        Console.Error.WriteLine($"init error on port {Port}: {Encoding.UTF8.GetString(body)}");

    private static TaskCompletionSource<long> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
