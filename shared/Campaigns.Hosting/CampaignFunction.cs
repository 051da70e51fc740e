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
                return new HttpApiFunction(createEndpoint(services), services.Probe, logger, statusMetric);
            },
            CampaignsJsonContext.Api.HttpApiRequest,
            CampaignsJsonContext.Api.HttpApiResponse,
            coldStartMetricNamespace: MetricNamespace);
    }
}
