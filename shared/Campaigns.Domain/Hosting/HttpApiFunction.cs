using Campaigns.Domain.Http;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Domain.Hosting;

/// <summary>
/// Adapts an endpoint to the Lambda runtime: rejects events that are not HTTP API payload 2.0, turns
/// store failures into problem responses (never leaking exception text) and adds the security headers.
/// During init it lets the endpoint prime its store connection.
/// </summary>
public sealed class HttpApiFunction(IHttpEndpoint endpoint, LambdaLogger logger) : ILambdaHandler<HttpApiRequest, HttpApiResponse>, ILambdaWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // Serialization metadata of the response bodies is built on first use: build it now, at init's full CPU.
        _ = Responses.Page(new CampaignPage { Items = [], NextToken = null });
        _ = Problems.NotFound(DynamoDbCampaignStore.PrimeCode);
        return endpoint.PrimeAsync(cancellationToken);
    }

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest input, LambdaContext context, CancellationToken cancellationToken)
    {
        string method = input.RequestContext?.Http?.Method
            ?? throw new InvalidEventException("The event is not an API Gateway HTTP API request.");
        if (input.Version != "2.0")
        {
            throw new InvalidEventException("The event is not an HTTP API payload of format version 2.0.");
        }

        HttpApiResponse response;
        try
        {
            response = await endpoint.HandleAsync(input, cancellationToken);
        }
        catch (Exception exception) when (TransientFailure.Matches(exception))
        {
            logger.Warn($"Campaign store unavailable: {exception.GetType().Name}");
            response = Problems.ServiceUnavailable();
        }
        catch (Exception exception) when (exception is not InvalidEventException)
        {
            logger.Error("Unhandled error while handling the request", exception);
            response = Problems.Internal();
        }

        SecurityHeaders.Apply(response, method);
        logger.Info($"{method} {input.RouteKey} {response.StatusCode}");
        return response;
    }
}
