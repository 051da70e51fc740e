namespace Campaigns.Emulator.Runtime;

/// <summary>
/// One pre-bound Runtime API port. Each function process gets its own port as AWS_LAMBDA_RUNTIME_API, so the
/// port a request arrives on says which process is calling.
/// </summary>
internal sealed class RuntimeSlot(int port, FunctionPool pool)
{
    public int Port { get; } = port;

    public FunctionPool Pool { get; } = pool;

    /// <summary>The process holding the port; guarded by the pool's lock. Freed only once the process has exited.</summary>
    public FunctionInstance? Instance { get; set; }
}
