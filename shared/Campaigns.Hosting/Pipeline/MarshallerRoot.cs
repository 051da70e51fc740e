using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>The SDK's marshaller; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class MarshallerRoot<TResponse> : Marshaller
    where TResponse : AmazonWebServiceResponse, new()
{
    private MarshallerRoot()
    {
    }

    public static Task<TResponse> Invoke(MarshallerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
