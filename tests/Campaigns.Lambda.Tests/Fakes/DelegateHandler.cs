using Campaigns.Lambda.Runtime;

namespace Campaigns.Lambda.Tests.Fakes;

internal sealed class DelegateHandler<TEvent, TResult>(
    Func<TEvent, LambdaContext, CancellationToken, Task<TResult>> handle) : ILambdaHandler<TEvent, TResult>
{
    public Task<TResult> HandleAsync(TEvent input, LambdaContext context, CancellationToken cancellationToken) =>
        handle(input, context, cancellationToken);
}
