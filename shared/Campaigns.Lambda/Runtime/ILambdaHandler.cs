namespace Campaigns.Lambda.Runtime;

/// <summary>A function's code: serves one event at a time. Created once per execution environment.</summary>
public interface ILambdaHandler<TEvent, TResult>
{
    /// <param name="cancellationToken">Cancelled shortly before the invocation's deadline.</param>
    Task<TResult> HandleAsync(TEvent input, LambdaContext context, CancellationToken cancellationToken);
}
