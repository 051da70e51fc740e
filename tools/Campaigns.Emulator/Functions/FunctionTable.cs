using System.Text.Json;

namespace Campaigns.Emulator.Functions;

/// <summary>Reads functions/functions.json: <c>{ "name": { "method", "path", "jwt", ... } }</c>; other keys are ignored.</summary>
internal static class FunctionTable
{
    public static IReadOnlyList<FunctionDefinition> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    public static IReadOnlyList<FunctionDefinition> Parse(string json, string source)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: the function table must be a JSON object.");
        }

        var functions = new List<FunctionDefinition>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            functions.Add(ReadFunction(entry, source));
        }

        if (functions.Count == 0)
        {
            throw new FormatException($"{source}: the function table is empty.");
        }

        return functions;
    }

    private static FunctionDefinition ReadFunction(JsonProperty entry, string source)
    {
        var name = entry.Name;
        // The name becomes a directory and part of an ARN: keep it to what Lambda allows.
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new FormatException($"{source}: '{name}' is not a valid Lambda function name.");
        }

        var value = entry.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: '{name}' must be an object.");
        }

        var method = RequiredString(value, "method", name, source).ToUpperInvariant();
        var path = RequiredString(value, "path", name, source);
        var jwt = value.TryGetProperty("jwt", out var jwtValue) && jwtValue.ValueKind == JsonValueKind.True;
        return new FunctionDefinition(name, method, RouteTemplate.Parse(path), jwt);
    }

    private static string RequiredString(JsonElement function, string property, string name, string source) =>
        function.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{source}: '{name}' needs a string '{property}'.");
}
