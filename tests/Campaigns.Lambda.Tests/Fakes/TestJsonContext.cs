using System.Text.Json.Serialization;
using Campaigns.Lambda.Http;

namespace Campaigns.Lambda.Tests.Fakes;

[JsonSerializable(typeof(TestEvent))]
[JsonSerializable(typeof(TestResult))]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
