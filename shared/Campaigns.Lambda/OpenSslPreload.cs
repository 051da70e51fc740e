using System.Security.Cryptography;

namespace Campaigns.Lambda;

/// <summary>
/// Loads OpenSSL on a thread-pool thread. Loading it is the largest one-time cost of the first signed
/// DynamoDB request (and in AWS, of its TLS handshake); started first thing, another core does it
/// while the main thread sets up the runtime and the SDK. The warm-up's request then waits for the
/// same one-time initialisation, so all of it still happens during init.
/// </summary>
public static class OpenSslPreload
{
    /// <summary>Starts loading; the task ends when loading has ended, failed or not.</summary>
    /// <remarks>
    /// The thread pool, not a new Thread, on purpose: starting the pool runs AppContext's static
    /// constructor on this thread first. A bare Thread started here could deadlock with the main thread
    /// on class-constructor locks (AppContext's, and Lock's, which reads AppContext): see
    /// docs/performance.md (Experiments).
    /// </remarks>
    public static Task Start()
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(static state => Load(state), loaded, preferLocal: false);
        return loaded.Task;
    }

    private static void Load(TaskCompletionSource loaded)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            HMACSHA256.HashData([1], [1], mac);
        }
        catch (CryptographicException)
        {
            // The first signed request meets the same failure and reports it.
        }
        finally
        {
            loaded.SetResult();
        }
    }
}
