using Campaigns.Lambda.Runtime;

namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>Greets like <see cref="RuntimeHarness.Greet"/> and runs the given warm-up during init.</summary>
internal sealed class WarmingHandler(Func<CancellationToken, Task> warmUp) : ILambdaHandler<TestEvent, TestResult>, ILambdaWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) => warmUp(cancellationToken);

    public Task<TestResult> HandleAsync(TestEvent input, LambdaContext context, CancellationToken cancellationToken) =>
        RuntimeHarness.Greet(input, context, cancellationToken);
}
