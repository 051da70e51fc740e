using System.Text.Json.Serialization;

namespace Campaigns.Lambda.Http;

public sealed class HttpApiAuthorizer
{
    [JsonPropertyName("jwt")]
    public HttpApiJwtAuthorizer? Jwt { get; set; }
}
