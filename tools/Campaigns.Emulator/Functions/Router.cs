namespace Campaigns.Emulator.Functions;

/// <summary>Picks the function for a request the way an HTTP API does: method plus path template.</summary>
internal sealed class Router
{
    private readonly IReadOnlyList<FunctionDefinition> _functions;

    public Router(IReadOnlyList<FunctionDefinition> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        // Most specific first: literal segments beat parameters, and a greedy parameter comes last.
        _functions = [.. functions.OrderByDescending(f => f.Route.LiteralCount).ThenBy(f => f.Route.IsGreedy)];
    }

    public RouteMatch? Match(string method, IReadOnlyList<string> decodedSegments)
    {
        foreach (var function in _functions)
        {
            var methodMatches = function.Method == "ANY" || string.Equals(function.Method, method, StringComparison.Ordinal);
            if (methodMatches && function.Route.TryMatch(decodedSegments, out var parameters))
            {
                return new RouteMatch(function, parameters);
            }
        }

        return null;
    }
}
