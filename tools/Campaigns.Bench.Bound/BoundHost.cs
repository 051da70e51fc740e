using Campaigns.Lambda;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Bench.Bound;

/// <summary>
/// Starts like the real functions: the same OpenSSL preload from the first line (request signing needs
/// OpenSSL, and TLS in production), and init waits for it; then the same runtime client. Init also reads
/// the function's recorded request from this binary's resources.
/// </summary>
internal static class BoundHost
{
    public static Task<int> RunAsync()
    {
        Task openSsl = OpenSslPreload.Start();
        return LambdaHost.RunAsync(
            _ => new BoundHandler(
                RawDynamoDbClient.FromEnvironment(),
                RecordedRequest.Load(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty),
                TimeProvider.System,
                openSsl),
            BoundJsonContext.Default.HttpApiRequest,
            BoundJsonContext.Default.HttpApiResponse);
    }
}
