namespace Campaigns.Emulator.Hosting;

/// <summary>One live function process. <see cref="ProcessId"/> is 0 for the instant between reservation and spawn.</summary>
public sealed record FunctionProcessInfo(string FunctionName, int ProcessId, FunctionProcessState State, int RuntimeApiPort);
