using System.Text.Json.Serialization;
using Campaigns.Lambda.Http;

namespace Campaigns.Bench.Floor;

[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
