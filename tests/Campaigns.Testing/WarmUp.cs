using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Lambda.Logging;

namespace Campaigns.Testing;

/// <summary>Runs an endpoint's init warm-up the way the hosting does, with the given probe.</summary>
public static class WarmUp
{
    public static Task RunAsync(IHttpEndpoint endpoint, IStoreProbe probe) =>
        new HttpApiFunction(endpoint, probe, new LambdaLogger(TextWriter.Null, LogFormat.Json, LogLevel.Information, "test", TimeProvider.System))
            .WarmUpAsync(default);
}
