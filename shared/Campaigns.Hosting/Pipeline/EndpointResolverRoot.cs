using Amazon.DynamoDBv2.Internal;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Pipeline;

/// <summary>DynamoDB's endpoint resolver; see <see cref="PipelineDictionaries"/>.</summary>
internal sealed class EndpointResolverRoot<TResponse> : AmazonDynamoDBEndpointResolver
    where TResponse : AmazonWebServiceResponse, new()
{
    private EndpointResolverRoot()
    {
    }

    public static Task<TResponse> Invoke(EndpointResolverRoot<TResponse> handler, IExecutionContext context) => handler.InvokeBase(context);

    private Task<TResponse> InvokeBase(IExecutionContext context) => base.InvokeAsync<TResponse>(context);
}
