using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>Turns the event body (plain or base64) into a JSON object, or says in one sentence why it can't.</summary>
public static class RequestBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static JsonDocument? TryParseObject(HttpApiRequest request, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(request.Body))
        {
            problem = "A JSON object body is required.";
            return null;
        }

        byte[] bytes;
        if (request.IsBase64Encoded)
        {
            bytes = new byte[request.Body.Length];
            if (!Convert.TryFromBase64String(request.Body, bytes, out int length))
            {
                problem = "The body is flagged as base64 but is not valid base64.";
                return null;
            }

            bytes = bytes[..length];
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(request.Body);
        }

        // The JSON reader leaves string contents unchecked until they are read: check the encoding up front.
        if (!Utf8.IsValid(bytes))
        {
            problem = "The body is not valid UTF-8.";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException)
        {
            problem = "The body is not valid JSON.";
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            problem = "The body must be a JSON object.";
            return null;
        }

        return document;
    }
}
