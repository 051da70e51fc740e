namespace Campaigns.Emulator.Functions;

internal sealed record RouteMatch(FunctionDefinition Function, IReadOnlyDictionary<string, string> PathParameters);
