using System.Text.Json.Serialization;
using Campaigns.Domain.Model;
using Campaigns.Lambda.Http;

namespace Campaigns.Domain.Json;

/// <summary>The one source-generated serializer context: Lambda event/response types and the API's DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(Campaign))]
[JsonSerializable(typeof(CampaignPage))]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class CampaignsJsonContext : JsonSerializerContext;
