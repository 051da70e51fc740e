using Campaigns.Domain.Storage;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting;

/// <summary>One API route's logic; errors it does not handle become 503 or 500 problems in <see cref="HttpApiFunction"/>.</summary>
public interface IHttpEndpoint
{
    Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken);

    /// <summary>The kind of store call the route makes; during init one is sent through an <see cref="IStoreProbe"/>.</summary>
    StoreOperation StoreOperation { get; }

    /// <summary>What the route's successful answer carries; its serializer metadata is built during init.</summary>
    SuccessBody SuccessBody { get; }
}
