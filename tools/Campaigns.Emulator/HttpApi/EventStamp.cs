namespace Campaigns.Emulator.HttpApi;

/// <summary>What API Gateway adds to each request: its id, its time and the X-Ray trace root.</summary>
internal sealed record EventStamp(string RequestId, DateTimeOffset Time, string TraceRoot);
