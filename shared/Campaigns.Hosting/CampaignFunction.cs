using Campaigns.Hosting.Json;
using Campaigns.Lambda;
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
                var services = CampaignServices.FromEnvironment(new ProcessEnvironmentVariables(), new UnreadableItemLog(logger));
                return new HttpApiFunction(createEndpoint(services), services.Probe, logger);
            },
            CampaignsJsonContext.Api.HttpApiRequest,
            CampaignsJsonContext.Api.HttpApiResponse,
            coldStartMetricNamespace: MetricNamespace);
    }
}
