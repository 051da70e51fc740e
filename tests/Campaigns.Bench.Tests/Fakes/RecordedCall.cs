using System.Text.Json.Nodes;

namespace Campaigns.Bench.Tests.Fakes;

/// <summary>One DynamoDB call as it reached the wire: the operation (from X-Amz-Target) and the JSON body.</summary>
internal sealed record RecordedCall(string Operation, JsonObject Body);
