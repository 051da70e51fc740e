namespace Campaigns.Lambda.Runtime;

/// <summary>Optional for a handler: one-time work done during init, before the first invocation is fetched.</summary>
/// <remarks>
/// Init runs at full CPU, while an invocation of a small function gets a fraction of a vCPU (about 1/7 at
/// 256 MB), so one-time costs such as loading OpenSSL, the first TLS handshake or the first pass through
/// the AWS SDK's pipeline are several times cheaper here than in the first request. The runtime bounds
/// the warm-up in time and treats its failure as harmless: the first request then pays those costs.
/// </remarks>
public interface ILambdaWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}
