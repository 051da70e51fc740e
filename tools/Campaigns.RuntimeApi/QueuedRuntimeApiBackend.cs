namespace Campaigns.RuntimeApi;

/// <summary>
/// The simplest backend: <c>next</c> takes the oldest queued invocation and answers 500 (so the runtime
/// exits) when none is left; a result is accepted for the invocation last handed out. Every call is recorded.
/// </summary>
public sealed class QueuedRuntimeApiBackend : IRuntimeApiBackend
{
    private readonly object _gate = new();
    private readonly Queue<NextInvocation> _queue = new();
    private readonly List<string> _calls = [];
    private readonly List<(string RequestId, PostedResult Result)> _results = [];
    private string? _inFlight;

    /// <summary>The calls in order, as paths under <c>/2018-06-01/runtime/</c>, e.g. <c>invocation/req-1/response</c>.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The accepted results, in order.</summary>
    public IReadOnlyList<(string RequestId, PostedResult Result)> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _results];
            }
        }
    }

    public void Enqueue(NextInvocation invocation)
    {
        lock (_gate)
        {
            _queue.Enqueue(invocation);
        }
    }

    public Task<NextAnswer> NextAsync(long arrivedTimestamp, CancellationToken aborted)
    {
        lock (_gate)
        {
            _calls.Add("invocation/next");
            if (!_queue.TryDequeue(out var invocation))
            {
                return Task.FromResult(NextAnswer.Fault("No invocation is queued."));
            }

            _inFlight = invocation.RequestId;
            return Task.FromResult(NextAnswer.For(invocation));
        }
    }

    public bool IsInFlight(string requestId)
    {
        lock (_gate)
        {
            return _inFlight == requestId;
        }
    }

    public bool Complete(string requestId, PostedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _calls.Add($"invocation/{requestId}/{(result.IsError ? "error" : "response")}");
            if (_inFlight != requestId)
            {
                return false;
            }

            _inFlight = null;
            _results.Add((requestId, result));
            return true;
        }
    }

    public void InitError(string errorType, byte[] body)
    {
        lock (_gate)
        {
            _calls.Add("init/error");
        }
    }
}
