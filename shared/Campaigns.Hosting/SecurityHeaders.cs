using Campaigns.Lambda.Http;

namespace Campaigns.Hosting;

internal static class SecurityHeaders
{
    public static void Apply(HttpApiResponse response, string method)
    {
        response.Headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        response.Headers["x-content-type-options"] = "nosniff";

        // Write results are per-caller and must never be replayed by a shared cache.
        if (!HttpMethods.IsRead(method))
        {
            response.Headers["cache-control"] = "no-store";
        }
    }
}
