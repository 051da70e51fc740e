using System.Text.Json.Nodes;
using Campaigns.Lambda.Http;

namespace Campaigns.Fixtures;

/// <summary>
/// Builds HTTP API payload 2.0 requests the way API Gateway would send them: a write (POST, PUT, DELETE) carries
/// the authorizer's claims of <see cref="Samples.Writer"/> and the scope <see cref="Samples.WriteScope"/>.
/// </summary>
public static class Requests
{
    public static HttpApiRequest Get(string? code = null, Dictionary<string, string>? query = null, Dictionary<string, string>? headers = null) =>
        Build("GET", code is null ? "/v1.0/campaigns" : "/v1.0/campaigns/{code}", code, body: null, query, headers);

    public static HttpApiRequest Post(JsonNode? body, Dictionary<string, string>? headers = null) =>
        Build("POST", "/v1.0/campaigns", null, body?.ToJsonString(), null, headers);

    public static HttpApiRequest Put(string code, JsonNode? body, Dictionary<string, string>? headers = null) =>
        Build("PUT", "/v1.0/campaigns/{code}", code, body?.ToJsonString(), null, headers);

    public static HttpApiRequest Delete(string code, Dictionary<string, string>? headers = null) =>
        Build("DELETE", "/v1.0/campaigns/{code}", code, null, null, headers);

    public static HttpApiRequest WithBody(this HttpApiRequest request, string? body, bool base64 = false)
    {
        request.Body = body;
        request.IsBase64Encoded = base64;
        return request;
    }

    /// <summary>Replaces the authorizer's claims, keeping its scopes.</summary>
    public static HttpApiRequest WithClaims(this HttpApiRequest request, Dictionary<string, string> claims)
    {
        request.RequestContext!.Authorizer = new HttpApiAuthorizer { Jwt = new HttpApiJwtAuthorizer { Claims = claims, Scopes = request.RequestContext.Authorizer?.Jwt?.Scopes } };
        return request;
    }

    /// <summary>Replaces the authorizer's scopes (null: none at all), keeping its claims.</summary>
    public static HttpApiRequest WithScopes(this HttpApiRequest request, params string[]? scopes)
    {
        request.RequestContext!.Authorizer = new HttpApiAuthorizer { Jwt = new HttpApiJwtAuthorizer { Claims = request.RequestContext.Authorizer?.Jwt?.Claims, Scopes = scopes } };
        return request;
    }

    /// <summary>No authorizer at all: a direct invoke that did not come through API Gateway's JWT authorizer.</summary>
    public static HttpApiRequest WithoutAuthorizer(this HttpApiRequest request)
    {
        request.RequestContext!.Authorizer = null;
        return request;
    }

    private static HttpApiRequest Build(string method, string route, string? code, string? body, Dictionary<string, string>? query, Dictionary<string, string>? headers)
    {
        string path = code is null ? route : route.Replace("{code}", code, StringComparison.Ordinal);
        return new HttpApiRequest
        {
            Version = "2.0",
            RouteKey = method + " " + route,
            RawPath = path,
            RawQueryString = query is null ? string.Empty : string.Join('&', query.Select(p => p.Key + "=" + p.Value)),
            Headers = headers ?? new Dictionary<string, string>(),
            QueryStringParameters = query,
            PathParameters = code is null ? null : new Dictionary<string, string> { ["code"] = code },
            Body = body,
            RequestContext = new HttpApiRequestContext
            {
                RequestId = "req-" + Guid.NewGuid().ToString("N"),
                RouteKey = method + " " + route,
                TimeEpoch = Samples.Now.ToUnixTimeMilliseconds(),
                Http = new HttpApiHttpDescription { Method = method, Path = path, Protocol = "HTTP/1.1", SourceIp = "203.0.113.7", UserAgent = "tests" },
                Authorizer = method == "GET" ? null : new HttpApiAuthorizer
                {
                    Jwt = new HttpApiJwtAuthorizer { Claims = new Dictionary<string, string> { ["sub"] = Samples.Writer }, Scopes = [Samples.WriteScope] },
                },
            },
        };
    }
}
