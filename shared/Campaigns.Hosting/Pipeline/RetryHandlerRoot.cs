using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>The SDK's retry handler; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class RetryHandlerRoot<TResponse> : RetryHandler
    where TResponse : AmazonWebServiceResponse, new()
{
    private RetryHandlerRoot()
        : base(null!)
    {
    }

    public static Task<TResponse> Invoke(RetryHandlerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
