namespace Campaigns.Bench.Bound;

/// <summary>One DynamoDB JSON-protocol call: the operation and its request body.</summary>
internal sealed record BoundCall(string Operation, byte[] Body);
