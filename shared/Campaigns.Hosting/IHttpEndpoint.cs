using Campaigns.Lambda.Http;

namespace Campaigns.Hosting;

/// <summary>One API route's logic; errors it does not handle become 503 or 500 problems in <see cref="HttpApiFunction"/>.</summary>
public interface IHttpEndpoint
{
    Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken);

    /// <summary>Called once during init: makes the kind of store call the route makes, changing nothing.</summary>
    Task PrimeAsync(CancellationToken cancellationToken);
}
