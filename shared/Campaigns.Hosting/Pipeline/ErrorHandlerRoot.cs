using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>The SDK's error handler; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class ErrorHandlerRoot<TResponse> : ErrorHandler
    where TResponse : AmazonWebServiceResponse, new()
{
    private ErrorHandlerRoot()
        : base(null!)
    {
    }

    public static Task<TResponse> Invoke(ErrorHandlerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
