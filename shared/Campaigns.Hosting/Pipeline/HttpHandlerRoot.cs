using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>The SDK's HTTP handler; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class HttpHandlerRoot<TResponse> : HttpHandler<HttpContent>
    where TResponse : AmazonWebServiceResponse, new()
{
    private HttpHandlerRoot()
        : base(null!, null!)
    {
    }

    public static Task<TResponse> Invoke(HttpHandlerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
