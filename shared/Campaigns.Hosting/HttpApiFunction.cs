using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Metrics;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Hosting;

/// <summary>
/// Adapts an endpoint to the Lambda runtime: rejects events that are not HTTP API payload 2.0, turns
/// store failures into problem responses (never leaking exception text) and adds the security headers.
/// During init it probes the store with the kind of call the endpoint makes, so the connection and
/// that request's path are ready before the first invocation. Every 4xx and 5xx it answers, and every
/// event it refuses (API Gateway answers those with a 500), is counted by version in
/// <paramref name="statusMetric"/>.
/// </summary>
public sealed class HttpApiFunction(IHttpEndpoint endpoint, IStoreProbe probe, LambdaLogger logger, ResponseStatusMetric? statusMetric = null)
    : ILambdaHandler<HttpApiRequest, HttpApiResponse>, ILambdaWarmUp
{
    private readonly UnreadableItemLog _unreadableItems = new(logger);

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // The store call runs on this thread until it waits for DynamoDB's answer, which is then read on
        // a pool thread: the response bodies' serialization metadata, built on first use, is built here
        // meanwhile, at init's full CPU.
        Task probing = probe.ProbeAsync(endpoint.StoreOperation, cancellationToken);
        try
        {
            WarmUpResponses(endpoint.SuccessBody);
        }
        finally
        {
            await probing;
        }
    }

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest input, LambdaContext context, CancellationToken cancellationToken)
    {
        string? method = input.RequestContext?.Http?.Method;
        if (method is null || input.Version != "2.0")
        {
            statusMetric?.Record(500);
            throw new InvalidEventException(method is null
                ? "The event is not an API Gateway HTTP API request."
                : "The event is not an HTTP API payload of format version 2.0.");
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
        catch (UnreadableItemException exception)
        {
            // The item exists but cannot be read: a server fault, told like any other, without its text.
            _unreadableItems.Skipped(exception);
            response = Problems.Internal();
        }
        catch (Exception exception) when (exception is not InvalidEventException)
        {
            logger.Error("Unhandled error while handling the request", exception);
            response = Problems.Internal();
        }

        SecurityHeaders.Apply(response, method);
        statusMetric?.Record(response.StatusCode);
        // The route key already starts with the method ("GET /v1.0/campaigns").
        logger.Info($"{input.RouteKey ?? method} {response.StatusCode}");
        return response;
    }

    /// <summary>
    /// Builds the serializer metadata of the one body the route answers with when it succeeds. Problem bodies
    /// are left to first use: building metadata a function's normal answer never needs costs every cold start.
    /// </summary>
    private static void WarmUpResponses(SuccessBody body)
    {
        if (body == SuccessBody.None)
        {
            return;
        }

        // Only the serializer sees this campaign; no store is asked for it.
        const string sampleText = "#WARMUP";
        var sample = new Campaign
        {
            Code = sampleText,
            Id = Guid.Empty,
            Description = sampleText,
            DiscountPercentage = 12.5m,
            ProductId = Guid.Empty,
            TermsConditionsLink = "https://example.com/terms",
            FromDate = DateOnly.MinValue,
            ToDate = DateOnly.MaxValue,
            Status = CampaignStatus.Active,
            Active = true,
            DateCreated = DateTime.UnixEpoch,
            DateLastUpdated = DateTime.UnixEpoch,
            LastUpdatedBy = sampleText,
            Version = 1,
        };
        _ = body == SuccessBody.Page
            ? Responses.Page(new CampaignPage { Items = [sample], NextToken = null })
            : Responses.Campaign(200, sample);
    }
}
