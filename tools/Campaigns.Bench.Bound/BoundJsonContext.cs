using System.Text.Json.Serialization;
using Campaigns.Lambda.Http;

namespace Campaigns.Bench.Bound;

[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
internal sealed partial class BoundJsonContext : JsonSerializerContext;
