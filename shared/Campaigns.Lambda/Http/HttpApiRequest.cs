using System.Text.Json.Serialization;

namespace Campaigns.Lambda.Http;

/// <summary>An API Gateway HTTP API request as delivered to Lambda in payload format 2.0.</summary>
public sealed class HttpApiRequest
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; set; }

    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("queryStringParameters")]
    public IDictionary<string, string>? QueryStringParameters { get; set; }

    [JsonPropertyName("pathParameters")]
    public IDictionary<string, string>? PathParameters { get; set; }

    [JsonPropertyName("stageVariables")]
    public IDictionary<string, string>? StageVariables { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }

    [JsonPropertyName("requestContext")]
    public HttpApiRequestContext? RequestContext { get; set; }

    /// <summary>
    /// Case-insensitive: API Gateway lower-cases header names, but tests and local emulators may not.
    /// Repeated headers arrive joined with commas.
    /// </summary>
    public string? GetHeader(string name) =>
        DictionaryLookup.Find(Headers, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Case-sensitive, as API Gateway treats query keys. Repeated keys arrive joined with commas.</summary>
    public string? GetQueryParameter(string name) =>
        DictionaryLookup.Find(QueryStringParameters, name, StringComparison.Ordinal);

    public string? GetPathParameter(string name) =>
        DictionaryLookup.Find(PathParameters, name, StringComparison.Ordinal);
}
