using Campaigns.Lambda.Http;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Bench.Floor;

/// <summary>Reads the event like a real function, then answers the same small 200 every time.</summary>
internal sealed class ConstantHandler : ILambdaHandler<HttpApiRequest, HttpApiResponse>
{
    public Task<HttpApiResponse> HandleAsync(HttpApiRequest input, LambdaContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpApiResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            Body = "{\"ok\":true}",
        });
}
