using Campaigns.Hosting.Json;
using Campaigns.Lambda;
using Campaigns.Lambda.Metrics;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Hosting;

/// <summary>The entry point every function's one-line Program calls.</summary>
public static class CampaignFunction
{
    public const string MetricNamespace = "Campaigns";

    public static Task<int> RunAsync(Func<CampaignServices, IHttpEndpoint> createEndpoint)
    {
        _ = OpenSslPreload.Start();
        return LambdaHost.RunAsync(
            logger =>
            {
                var environment = new ProcessEnvironmentVariables();
                var services = CampaignServices.FromEnvironment(environment, new UnreadableItemLog(logger));
                var statusMetric = new ResponseStatusMetric(MetricNamespace, logger, environment, services.Time);
                var endpoint = createEndpoint(services);
                // Only so the compiler sees the roots: what it emits for them, the first request finds ready.
                _ = PipelineDictionaries.For(endpoint.StoreOperation);
                return new HttpApiFunction(endpoint, services.Probe, logger, statusMetric);
            },
            CampaignsJsonContext.Api.HttpApiRequest,
            CampaignsJsonContext.Api.HttpApiResponse,
            coldStartMetricNamespace: MetricNamespace);
    }
}
