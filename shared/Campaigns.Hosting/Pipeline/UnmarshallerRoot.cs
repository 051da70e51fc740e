using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>The SDK's unmarshaller; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class UnmarshallerRoot<TResponse> : Unmarshaller
    where TResponse : AmazonWebServiceResponse, new()
{
    private UnmarshallerRoot()
        : base(false)
    {
    }

    public static Task<TResponse> Invoke(UnmarshallerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
