using System.Text.Json;

namespace Campaigns.Emulator.HttpApi;

/// <summary>Turns a function's payload 2.0 output into the HTTP response, as an HTTP API does.</summary>
internal static class ResponseMapper
{
    public static ResponseMapping Map(byte[] output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output);
        }
        catch (JsonException ex)
        {
            return ResponseMapping.Malformed($"the function output is not JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out var statusCode))
            {
                // Valid JSON without a statusCode: API Gateway sends the whole output as a 200 JSON body.
                return ResponseMapping.Of(new ApiResponse(200, [new("content-type", ContentTypes.Json)], [], output));
            }

            return MapStructured(root, statusCode);
        }
    }

    private static ResponseMapping MapStructured(JsonElement root, JsonElement statusCode)
    {
        if (statusCode.ValueKind != JsonValueKind.Number || !statusCode.TryGetInt32(out var status) || status is < 100 or > 599)
        {
            return ResponseMapping.Malformed($"statusCode {statusCode.GetRawText()} is not an HTTP status code");
        }

        if (!TryReadHeaders(root, out var headers, out var problem)
            || !TryReadCookies(root, out var cookies, out problem)
            || !TryReadBody(root, out var body, out problem))
        {
            return ResponseMapping.Malformed(problem);
        }

        return ResponseMapping.Of(new ApiResponse(status, headers, cookies, body));
    }

    private static bool TryReadHeaders(
        JsonElement root, out IReadOnlyList<KeyValuePair<string, string>> headers, out string problem)
    {
        var found = new List<KeyValuePair<string, string>>();
        headers = found;
        problem = string.Empty;
        if (!root.TryGetProperty("headers", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = "headers is not an object";
            return false;
        }

        foreach (var header in element.EnumerateObject())
        {
            switch (header.Value.ValueKind)
            {
                case JsonValueKind.String:
                    found.Add(new(header.Name, header.Value.GetString()!));
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    found.Add(new(header.Name, header.Value.GetRawText()));
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    problem = $"header '{header.Name}' is not a string";
                    return false;
            }
        }

        return true;
    }

    private static bool TryReadCookies(JsonElement root, out IReadOnlyList<string> cookies, out string problem)
    {
        var found = new List<string>();
        cookies = found;
        problem = string.Empty;
        if (!root.TryGetProperty("cookies", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
        {
            problem = "cookies is not an array of strings";
            return false;
        }

        found.AddRange(element.EnumerateArray().Select(c => c.GetString()!));
        return true;
    }

    private static bool TryReadBody(JsonElement root, out byte[] body, out string problem)
    {
        body = [];
        problem = string.Empty;
        var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        if (flag.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False))
        {
            problem = "isBase64Encoded is not a boolean";
            return false;
        }

        if (!root.TryGetProperty("body", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problem = "body is not a string";
            return false;
        }

        if (!base64)
        {
            body = System.Text.Encoding.UTF8.GetBytes(element.GetString()!);
            return true;
        }

        if (!element.TryGetBytesFromBase64(out var decoded))
        {
            problem = "body is not valid base64 although isBase64Encoded is true";
            return false;
        }

        body = decoded;
        return true;
    }
}
