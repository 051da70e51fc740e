using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Runtime;

/// <summary>
/// One pre-bound Runtime API port. Each function process gets its own port as AWS_LAMBDA_RUNTIME_API, so the
/// port a request arrives on says which process is calling; the calls go to the function's pool.
/// </summary>
internal sealed class ProcessSlot(int port, FunctionPool pool) : IRuntimeApiBackend
{
    public int Port { get; } = port;

    public FunctionPool Pool { get; } = pool;

    /// <summary>The process holding the port; guarded by the pool's lock. Freed only once the process has exited.</summary>
    public FunctionInstance? Instance { get; set; }

    public Task<NextAnswer> NextAsync(long arrivedTimestamp, CancellationToken aborted) => Pool.WaitForNextAsync(this, aborted);

    public bool IsInFlight(string requestId) => Pool.IsInFlight(this, requestId);

    public bool Complete(string requestId, PostedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsError
            ? Pool.Complete(this, requestId, OutcomeKind.FunctionError, result.Body, result.ErrorType, ErrorDescription.Of(result.Body))
            : Pool.Complete(this, requestId, OutcomeKind.Response, result.Body, errorType: null, errorDescription: null);
    }

    public void InitError(string errorType, byte[] body) => Pool.ReportInitError(this, errorType, ErrorDescription.Of(body));
}
