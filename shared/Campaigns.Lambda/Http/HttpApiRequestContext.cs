using System.Text.Json.Serialization;

namespace Campaigns.Lambda.Http;

public sealed class HttpApiRequestContext
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; set; }

    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>Request time in the form <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    /// <summary>Request time in Unix epoch milliseconds.</summary>
    [JsonPropertyName("timeEpoch")]
    public long TimeEpoch { get; set; }

    [JsonPropertyName("http")]
    public HttpApiHttpDescription? Http { get; set; }

    [JsonPropertyName("authorizer")]
    public HttpApiAuthorizer? Authorizer { get; set; }
}
