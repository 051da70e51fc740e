using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Runtime;
using Shouldly;
using Xunit;

namespace Campaigns.Testing.Grants;

/// <summary>
/// A function as Lambda runs it (its endpoint inside <see cref="HttpApiFunction"/>, services built from the
/// environment) whose DynamoDB client talks to DynamoDB Local through a <see cref="DynamoDbRecorder"/>.
/// </summary>
public sealed class RecordedFunction(HttpApiFunction function, ICampaignStore seed)
{
    // The identity API Gateway's JWT authorizer passes on the write routes.
    private static readonly Dictionary<string, string> WriterClaims = new(StringComparer.Ordinal)
    {
        ["sub"] = "grants-check",
        ["scope"] = "campaigns/write",
    };

    /// <summary>The same table through a client that is not recorded: for arranging a scenario.</summary>
    public ICampaignStore Seed { get; } = seed;

    public Task WarmUpAsync() => function.WarmUpAsync(default);

    public Task<HttpApiResponse> InvokeAsync(HttpApiRequest request)
    {
        if (request.RequestContext?.Http?.Method is not "GET")
        {
            request.WithClaims(WriterClaims);
        }

        var context = new LambdaContext("grants-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(1), "arn:aws:lambda:us-east-1:000000000000:function:grants", null, "grants");
        return function.HandleAsync(request, context, default);
    }

    /// <summary>Invokes and checks the status, so each scenario is known to take the path it is there for.</summary>
    public async Task<HttpApiResponse> ExpectAsync(int status, HttpApiRequest request)
    {
        var response = await InvokeAsync(request);
        response.StatusCode.ShouldBe(status, $"{request.RouteKey} {request.RawPath}?{request.RawQueryString}: {response.Body}");
        return response;
    }

    internal static RecordedFunction Create(IHttpEndpoint endpoint, CampaignServices services, ICampaignStore seed) =>
        new(new HttpApiFunction(endpoint, services.Probe, new LambdaLogger(TextWriter.Null, LogFormat.Json, LogLevel.Information, "grants", TimeProvider.System)), seed);
}
