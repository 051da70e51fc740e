namespace Campaigns.Emulator.HttpApi;

internal static class ApiResponseWriter
{
    // Framing headers belong to the connection between the client and the gateway, not to the function.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
    };

    public static async Task WriteAsync(HttpResponse response, ApiResponse api, string apiRequestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(api);
        response.StatusCode = api.StatusCode;
        foreach (var (name, value) in api.Headers)
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers.Append(name, value);
            }
        }

        foreach (var cookie in api.Cookies)
        {
            response.Headers.Append("Set-Cookie", cookie);
        }

        response.Headers["apigw-requestid"] = apiRequestId;
        if (api.StatusCode is 204 or 304 || api.StatusCode < 200)
        {
            // These statuses cannot carry a body; HTTP forbids it and Kestrel refuses it.
            return;
        }

        response.ContentLength = api.Body.Length;
        await response.Body.WriteAsync(api.Body, cancellationToken);
    }
}
