using System.Text.Json;

namespace Campaigns.Testing.Grants;

/// <summary>What functions/functions.json grants one function on the table: its actions, and table and/or index.</summary>
public sealed record FunctionGrants(string Function, IReadOnlySet<string> Actions, IReadOnlySet<string> Resources)
{
    public static FunctionGrants Load(string function) =>
        LoadAll().SingleOrDefault(grants => grants.Function == function)
        ?? throw new InvalidOperationException($"functions/functions.json has no function '{function}'.");

    public static IReadOnlyList<FunctionGrants> LoadAll()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("functions/functions.json")));
        return [.. document.RootElement.EnumerateObject().Select(function => new FunctionGrants(
            function.Name,
            Strings(function.Value, "dynamodb_actions"),
            Strings(function.Value, "dynamodb_resources")))];
    }

    private static HashSet<string> Strings(JsonElement function, string property) =>
        function.TryGetProperty(property, out var values)
            ? values.EnumerateArray().Select(value => value.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
}
