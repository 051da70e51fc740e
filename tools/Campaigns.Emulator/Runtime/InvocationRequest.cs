namespace Campaigns.Emulator.Runtime;

/// <summary>An event for a function plus the X-Ray trace header its runtime receives.</summary>
internal sealed record InvocationRequest(byte[] Event, string TraceId);
