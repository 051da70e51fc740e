using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Campaigns.EndToEnd.Tests.OpenApi;

/// <summary>
/// Validates JSON against the JSON Schema subset docs/openapi.yaml uses: $ref, allOf, type (also as a
/// list), required, properties, additionalProperties, items, enum, pattern, length and number bounds,
/// multipleOf and the uuid/date/date-time/uri formats. Returns every violation with its JSON path.
/// </summary>
internal sealed class SchemaValidator(JsonNode document)
{
    public List<string> Validate(JsonElement value, JsonNode schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    public JsonNode Resolve(JsonNode schema)
    {
        while (schema is JsonObject obj && obj["$ref"] is { } reference)
        {
            JsonNode? target = document;
            foreach (string part in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
            {
                target = target?[part];
            }

            schema = target ?? throw new InvalidOperationException("Unresolved $ref " + reference);
        }

        return schema;
    }

    private void Check(JsonElement value, JsonNode schemaNode, string path, List<string> errors)
    {
        var schema = (JsonObject)Resolve(schemaNode);
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Check(value, part!, path, errors);
        }

        if (schema["type"] is { } type && !TypeMatches(value, type))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, got {value.ValueKind}");
            return;
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, JsonNode.Parse(value.GetRawText()))))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {options.ToJsonString()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, schema, path, errors);
                break;
            case JsonValueKind.Array when schema["items"] is { } items:
                int index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, items, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.String:
                CheckString(value.GetString()!, schema, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(value.GetDecimal(), schema, path, errors);
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonObject schema, string path, List<string> errors)
    {
        foreach (var name in schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
        {
            if (!value.TryGetProperty(name, out _))
            {
                errors.Add($"{path}: missing required property '{name}'");
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var property in value.EnumerateObject())
        {
            string childPath = path + "." + property.Name;
            if (properties?[property.Name] is { } propertySchema)
            {
                Check(property.Value, propertySchema, childPath, errors);
            }
            else if (schema["additionalProperties"] is JsonValue flag && !flag.GetValue<bool>())
            {
                errors.Add($"{childPath}: property not allowed by the schema");
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(property.Value, additional, childPath, errors);
            }
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minLength"] is { } min && text.Length < min.GetValue<long>())
        {
            errors.Add($"{path}: shorter than {min}");
        }

        if (schema["maxLength"] is { } max && text.Length > max.GetValue<long>())
        {
            errors.Add($"{path}: longer than {max}");
        }

        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {pattern}");
        }

        bool formatOk = schema["format"]?.GetValue<string>() switch
        {
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.None, TimeSpan.FromSeconds(1))
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => true,
        };
        if (!formatOk)
        {
            errors.Add($"{path}: '{text}' is not a valid {schema["format"]}");
        }
    }

    private static void CheckNumber(decimal number, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minimum"] is { } min && number < Number(min))
        {
            errors.Add($"{path}: below minimum {min}");
        }

        if (schema["maximum"] is { } max && number > Number(max))
        {
            errors.Add($"{path}: above maximum {max}");
        }

        if (schema["exclusiveMinimum"] is { } exclusiveMin && number <= Number(exclusiveMin))
        {
            errors.Add($"{path}: not above {exclusiveMin}");
        }

        if (schema["multipleOf"] is { } step && number % Number(step) != 0)
        {
            errors.Add($"{path}: not a multiple of {step}");
        }
    }

    // YAML integers load as long and decimals as decimal; compare both as decimal.
    private static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool TypeMatches(JsonElement value, JsonNode type)
    {
        var names = type is JsonArray list ? list.Select(t => t!.GetValue<string>()) : [type.GetValue<string>()];
        return names.Any(name => name switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => false,
        });
    }
}
