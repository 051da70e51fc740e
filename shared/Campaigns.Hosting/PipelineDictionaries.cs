using Amazon.DynamoDBv2.Internal;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Campaigns.Domain.Storage;

namespace Campaigns.Hosting;

/// <summary>
/// Makes the compiler emit the generic dictionaries of the SDK pipeline's handlers for each response type.
/// Native AOT builds a generic virtual method's dictionary at its first dispatch, in the type loader, unless
/// the compiler emitted it; and it emits one only for an instantiation some code names outright. Every
/// handler's <c>InvokeAsync&lt;T&gt;</c> is such a dispatch, so without these the first request of each
/// response type builds them at run time (docs/performance.md). Each root below calls its handler's
/// <c>InvokeAsync&lt;T&gt;</c> non-virtually, through <c>base</c>, which names the instantiation; taking the
/// delegates is enough for the compiler, and nothing calls them.
/// </summary>
internal static class PipelineDictionaries
{
    public static IReadOnlyList<Delegate> For(StoreOperation operation) => operation switch
    {
        StoreOperation.Get => For<GetItemResponse>(),
        StoreOperation.List => For<QueryResponse>(),
        StoreOperation.Create => For<PutItemResponse>(),
        StoreOperation.Update => For<UpdateItemResponse>(),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown store operation."),
    };

    // One entry per handler LeanDynamoDbClient keeps; PipelineDictionariesTests hold the two lists together.
    private static Delegate[] For<T>()
        where T : AmazonWebServiceResponse, new() =>
    [
        static (MarshallerRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (AuthSchemeRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (EndpointRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (RetryRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (SignerRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (ErrorRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (UnmarshallerRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
        static (HttpRoot<T> handler, IExecutionContext context) => handler.Invoke(context),
    ];

    private sealed class MarshallerRoot<T> : Marshaller
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class AuthSchemeRoot<T> : AmazonDynamoDBAuthSchemeHandler
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class EndpointRoot<T> : AmazonDynamoDBEndpointResolver
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class RetryRoot<T>() : RetryHandler(null!)
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class SignerRoot<T> : Signer
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class ErrorRoot<T>() : ErrorHandler(null!)
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class UnmarshallerRoot<T>() : Unmarshaller(false)
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }

    private sealed class HttpRoot<T>() : HttpHandler<HttpContent>(null!, null!)
        where T : AmazonWebServiceResponse, new()
    {
        public Task<T> Invoke(IExecutionContext context) => base.InvokeAsync<T>(context);
    }
}
