namespace Campaigns.Emulator.HttpApi;

/// <summary>
/// Headers as an HTTP API passes them in payload 2.0: names lower-cased, repeated headers joined with
/// commas, and the Cookie header moved out into the separate <c>cookies</c> array.
/// </summary>
internal sealed class RequestHeaders
{
    private RequestHeaders(OrderedValues headers, IReadOnlyList<string> cookies)
    {
        Headers = headers;
        Cookies = cookies;
    }

    public OrderedValues Headers { get; }

    public IReadOnlyList<string> Cookies { get; }

    public static RequestHeaders From(IReadOnlyList<KeyValuePair<string, string>> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var headers = new OrderedValues(StringComparer.Ordinal);
        var cookies = new List<string>();
        foreach (var (name, value) in raw)
        {
            var lower = name.ToLowerInvariant();
            if (lower == "cookie")
            {
                cookies.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                continue;
            }

            headers.Add(lower, value);
        }

        return new RequestHeaders(headers, cookies);
    }

    /// <summary>The headers API Gateway itself adds on the way to the integration.</summary>
    public void AddGatewayHeaders(string sourceIp, int port, string traceRoot)
    {
        var forwardedFor = Headers.Get("x-forwarded-for");
        Headers.Set("x-forwarded-for", forwardedFor is null ? sourceIp : $"{forwardedFor}, {sourceIp}");
        // The real values are 443/https; the emulator reports what the client actually used.
        Headers.Set("x-forwarded-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Headers.Set("x-forwarded-proto", "http");
        if (Headers.Get("x-amzn-trace-id") is null)
        {
            Headers.Set("x-amzn-trace-id", $"Root={traceRoot}");
        }
    }
}
