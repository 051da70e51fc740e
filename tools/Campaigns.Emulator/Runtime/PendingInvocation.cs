namespace Campaigns.Emulator.Runtime;

/// <summary>An invocation from the moment it is requested until its outcome is known.</summary>
internal sealed class PendingInvocation(InvocationRequest request)
{
    // Continuations run elsewhere: outcomes are set while the pool's lock is held.
    private readonly TaskCompletionSource<InvocationOutcome> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public InvocationRequest Request { get; } = request;

    public Task<InvocationOutcome> Outcome => _completion.Task;

    public void Complete(InvocationOutcome outcome) => _completion.TrySetResult(outcome);
}
