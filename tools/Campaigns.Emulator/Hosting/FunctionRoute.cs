namespace Campaigns.Emulator.Hosting;

/// <summary>A route of the emulated HTTP API, as read from the function table.</summary>
public sealed record FunctionRoute(string FunctionName, string Method, string Path, bool RequiresJwt);
