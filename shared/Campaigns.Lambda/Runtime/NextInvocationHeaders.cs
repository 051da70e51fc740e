using System.Globalization;
using System.Net.Http.Headers;

namespace Campaigns.Lambda.Runtime;

internal static class NextInvocationHeaders
{
    public static LambdaContext ReadContext(HttpResponseHeaders headers, string functionName)
    {
        var requestId = Single(headers, RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException($"runtime/invocation/next answered without {RuntimeApiHeaders.RequestId}.");
        return new LambdaContext(
            requestId,
            ReadDeadline(headers),
            Single(headers, RuntimeApiHeaders.InvokedFunctionArn) ?? string.Empty,
            Single(headers, RuntimeApiHeaders.TraceId),
            functionName);
    }

    // Lambda always sends a deadline; without one (an emulator, say) the invocation is treated as unbounded.
    private static DateTimeOffset ReadDeadline(HttpResponseHeaders headers) =>
        long.TryParse(Single(headers, RuntimeApiHeaders.DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
