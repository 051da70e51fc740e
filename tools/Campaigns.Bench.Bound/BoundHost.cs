using System.Security.Cryptography;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Bench.Bound;

/// <summary>
/// Starts like the real functions: OpenSSL loads on a pool thread from the first line (request signing
/// needs it, and TLS in production), and init waits for it; then the same runtime client.
/// </summary>
internal static class BoundHost
{
    public static Task<int> RunAsync()
    {
        var openSsl = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(static done => LoadOpenSsl(done), openSsl, preferLocal: false);
        return LambdaHost.RunAsync(
            _ => new BoundHandler(RawDynamoDbClient.FromEnvironment(), openSsl.Task),
            BoundJsonContext.Default.HttpApiRequest,
            BoundJsonContext.Default.HttpApiResponse);
    }

    private static void LoadOpenSsl(TaskCompletionSource done)
    {
        try
        {
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData([1], [1], mac);
            done.SetResult();
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
    }
}
