using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests.OpenApi;

/// <summary>docs/openapi.yaml as a checker: is this status documented for the operation, and does the body fit its schema?</summary>
internal sealed class OpenApiContract
{
    private readonly JsonNode _document;
    private readonly SchemaValidator _validator;

    private OpenApiContract(JsonNode document)
    {
        _document = document;
        _validator = new SchemaValidator(document);
    }

    public static OpenApiContract Load() => new(YamlJson.Load(RepositoryFiles.PathOf("docs/openapi.yaml"))!);

    /// <summary>Every way the response departs from the description; empty when it conforms.</summary>
    public List<string> Check(string method, string pathTemplate, int status, string? contentType, string body)
    {
        var errors = new List<string>();
        var operation = _document["paths"]?[pathTemplate]?[method.ToLowerInvariant()];
        if (operation is null)
        {
            return [$"{method} {pathTemplate} is not described"];
        }

        if (operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not { } responseNode)
        {
            return [$"{method} {pathTemplate} does not document status {status}"];
        }

        var response = _validator.Resolve(responseNode);
        var content = response["content"] as JsonObject;
        if (content is null)
        {
            if (body.Length > 0)
            {
                errors.Add($"status {status} is documented without a body, but one came back");
            }

            return errors;
        }

        string mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
        if (content[mediaType]?["schema"] is not { } schema)
        {
            return [$"status {status} is not documented with content type '{mediaType}'"];
        }

        using var json = JsonDocument.Parse(body);
        errors.AddRange(_validator.Validate(json.RootElement, schema));
        return errors;
    }
}
