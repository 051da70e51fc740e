using System.Text.Json.Serialization;

namespace Campaigns.Lambda.Http;

public sealed class HttpApiJwtAuthorizer
{
    /// <summary>Claim values as API Gateway passes them: always strings.</summary>
    [JsonPropertyName("claims")]
    public IDictionary<string, string>? Claims { get; set; }

    [JsonPropertyName("scopes")]
    public IList<string>? Scopes { get; set; }
}
