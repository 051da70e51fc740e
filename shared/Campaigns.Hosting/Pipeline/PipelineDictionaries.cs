using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Domain.Storage;

namespace Campaigns.Hosting.Pipeline;

/// <summary>
/// Makes the compiler emit the generic dictionaries of the SDK pipeline's handlers for a response type.
/// Native AOT builds a generic virtual method's dictionary at its first dispatch, in the type loader, unless
/// the compiler emitted it; and it emits one only for an instantiation some code names outright. Every
/// handler's <c>InvokeAsync&lt;T&gt;</c> is such a dispatch, so without these the first request of each
/// response type pays for building them at run time (docs/performance.md). Each root's <c>Invoke</c> calls its
/// handler's <c>InvokeAsync&lt;TResponse&gt;</c> non-virtually, which names the instantiation; taking the
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

    private static Delegate[] For<TResponse>()
        where TResponse : AmazonWebServiceResponse, new() =>
    [
        MarshallerRoot<TResponse>.Invoke,
        AuthSchemeHandlerRoot<TResponse>.Invoke,
        EndpointResolverRoot<TResponse>.Invoke,
        RetryHandlerRoot<TResponse>.Invoke,
        SignerRoot<TResponse>.Invoke,
        ErrorHandlerRoot<TResponse>.Invoke,
        UnmarshallerRoot<TResponse>.Invoke,
        HttpHandlerRoot<TResponse>.Invoke,
    ];
}
