using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Campaigns.Emulator.Functions;

namespace Campaigns.Emulator.HttpApi;

/// <summary>Writes the API Gateway HTTP API payload format 2.0 event for one request.</summary>
internal static class HttpApiEventBuilder
{
    public const string AccountId = "000000000000";
    public const string ApiId = "local";

    // The event only ever reaches a JSON parser, never HTML: no need to escape '+', '<' or non-ASCII text,
    // and the unescaped form is what people expect to read in a logged event.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="claims">The JWT claims for routes with a JWT authorizer, otherwise null.</param>
    public static byte[] Build(
        ApiRequest request, RouteMatch match, IReadOnlyList<KeyValuePair<string, string>>? claims, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(stamp);

        var target = RequestTarget.Parse(request.RawTarget);
        // HTTP APIs hand the path over decoded, in rawPath as well as in requestContext.http.path.
        var path = Uri.UnescapeDataString(target.RawPath);
        var headers = RequestHeaders.From(request.Headers);
        headers.AddGatewayHeaders(request.SourceIp, request.LocalPort, stamp.TraceRoot);
        var query = QueryString.Parse(target.RawQuery);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("routeKey", match.Function.RouteKey);
            json.WriteString("rawPath", path);
            json.WriteString("rawQueryString", target.RawQuery);
            if (headers.Cookies.Count > 0)
            {
                WriteArray(json, "cookies", headers.Cookies);
            }

            WriteObject(json, "headers", headers.Headers.Pairs);
            if (query.Count > 0)
            {
                WriteObject(json, "queryStringParameters", query.Pairs);
            }

            WriteRequestContext(json, request, match, claims, stamp, headers, path);
            WriteBody(json, request.Body, headers.Headers.Get("content-type"));
            if (match.PathParameters.Count > 0)
            {
                WriteObject(json, "pathParameters", match.PathParameters);
            }

            json.WriteBoolean("isBase64Encoded", request.Body is { Length: > 0 } && !ContentTypes.IsTextual(headers.Headers.Get("content-type")));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>API Gateway's request time format, e.g. <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);

    private static void WriteRequestContext(
        Utf8JsonWriter json,
        ApiRequest request,
        RouteMatch match,
        IReadOnlyList<KeyValuePair<string, string>>? claims,
        EventStamp stamp,
        RequestHeaders headers,
        string path)
    {
        var domainName = DomainName.FromHost(headers.Headers.Get("host"));
        json.WriteStartObject("requestContext");
        json.WriteString("accountId", AccountId);
        json.WriteString("apiId", ApiId);
        if (claims is not null)
        {
            json.WriteStartObject("authorizer");
            json.WriteStartObject("jwt");
            WriteObject(json, "claims", claims);
            if (JwtScopes.From(claims) is { } scopes)
            {
                WriteArray(json, "scopes", scopes);
            }
            else
            {
                json.WriteNull("scopes");
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteString("domainName", domainName);
        json.WriteString("domainPrefix", DomainName.Prefix(domainName));
        json.WriteStartObject("http");
        json.WriteString("method", request.Method);
        json.WriteString("path", path);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("sourceIp", request.SourceIp);
        json.WriteString("userAgent", headers.Headers.Get("user-agent") ?? string.Empty);
        json.WriteEndObject();
        json.WriteString("requestId", stamp.RequestId);
        json.WriteString("routeKey", match.Function.RouteKey);
        json.WriteString("stage", "$default");
        json.WriteString("time", FormatTime(stamp.Time));
        json.WriteNumber("timeEpoch", stamp.Time.ToUnixTimeMilliseconds());
        json.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter json, byte[]? body, string? contentType)
    {
        if (body is not { Length: > 0 })
        {
            return;
        }

        if (ContentTypes.IsTextual(contentType))
        {
            json.WriteString("body", Encoding.UTF8.GetString(body));
        }
        else
        {
            json.WriteBase64String("body", body);
        }
    }

    private static void WriteObject(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in pairs)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
