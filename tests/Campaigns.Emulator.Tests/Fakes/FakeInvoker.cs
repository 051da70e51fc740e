using Campaigns.Emulator.Runtime;

namespace Campaigns.Emulator.Tests.Fakes;

/// <summary>A function that answers every invocation with a fixed outcome and remembers the events.</summary>
internal sealed class FakeInvoker(InvocationOutcome outcome) : IFunctionInvoker
{
    public List<InvocationRequest> Requests { get; } = [];

    public Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(outcome);
    }
}
