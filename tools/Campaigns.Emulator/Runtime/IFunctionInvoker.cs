namespace Campaigns.Emulator.Runtime;

/// <summary>Synchronous invocation of one function, as API Gateway's Lambda integration does it.</summary>
internal interface IFunctionInvoker
{
    Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
