using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>The SDK's signer; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class SignerRoot<TResponse> : Signer
    where TResponse : AmazonWebServiceResponse, new()
{
    private SignerRoot()
    {
    }

    public static Task<TResponse> Invoke(SignerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
