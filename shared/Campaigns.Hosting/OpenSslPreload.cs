using System.Security.Cryptography;

namespace Campaigns.Hosting;

/// <summary>
/// Loads OpenSSL on a thread-pool thread. Loading it is the largest one-time cost of the first signed
/// DynamoDB request (and in AWS, of its TLS handshake); started first thing, another core does it
/// while the main thread sets up the runtime and the SDK. The warm-up's request then waits for the
/// same one-time initialisation, so all of it still happens during init.
/// </summary>
internal static class OpenSslPreload
{
    // The thread pool, not a new Thread, on purpose: starting the pool runs AppContext's static
    // constructor on this thread first. A bare Thread started here could deadlock with the main thread
    // on class-constructor locks (AppContext's, and Lock's, which reads AppContext): see
    // docs/performance.md (Experiments).
    public static void Start() => ThreadPool.UnsafeQueueUserWorkItem(static _ => Load(), null);

    private static void Load()
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
    }
}
