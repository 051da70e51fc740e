using Amazon.DynamoDBv2.Internal;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>DynamoDB's auth scheme handler; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class AuthSchemeHandlerRoot<TResponse> : AmazonDynamoDBAuthSchemeHandler
    where TResponse : AmazonWebServiceResponse, new()
{
    private AuthSchemeHandlerRoot()
    {
    }

    public static Task<TResponse> Invoke(AuthSchemeHandlerRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
