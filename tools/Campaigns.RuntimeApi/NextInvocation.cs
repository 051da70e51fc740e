namespace Campaigns.RuntimeApi;

/// <summary>What a <c>next</c> call hands the runtime: the event as the body, the rest as headers.</summary>
public sealed record NextInvocation(string RequestId, byte[] Event, DateTimeOffset Deadline, string FunctionArn, string TraceId);
