using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Campaigns.Domain.Validation;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>
/// Turns the event body (plain or base64) into a JSON object, or into the problem that says why it can't:
/// 413 above <see cref="MaxBytes"/>, else 400 for anything that is not one well-formed JSON object.
/// </summary>
public static class RequestBody
{
    /// <summary>The largest body accepted, in bytes after base64 decoding: a full campaign is a small fraction of it.</summary>
    public const int MaxBytes = 16 * 1024;

    // The base64 text of MaxBytes bytes: a longer text decodes to more, so it is refused without decoding.
    private const int MaxBase64Length = (MaxBytes + 2) / 3 * 4;

    private const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    // Used only after a body was refused, to tell a repeated member name from malformed JSON.
    private static readonly JsonDocumentOptions DuplicatesAllowed = new() { MaxDepth = MaxDepth };

    public static bool TryRead(HttpApiRequest request, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        document = null;
        problem = null;
        string? body = request.Body;
        if (string.IsNullOrEmpty(body))
        {
            problem = Problems.InvalidBody("A JSON object body is required.");
            return false;
        }

        // Every UTF-16 unit is at least one UTF-8 byte: a text longer than the cap is refused before encoding it.
        if (body.Length > (request.IsBase64Encoded ? MaxBase64Length : MaxBytes))
        {
            problem = Problems.PayloadTooLarge(MaxBytes);
            return false;
        }

        if (!TryGetBytes(body, request.IsBase64Encoded, out byte[]? bytes, out problem))
        {
            return false;
        }

        // The JSON reader leaves string contents unchecked until they are read: check the encoding up front.
        if (!Utf8.IsValid(bytes))
        {
            problem = Problems.InvalidBody("The body is not valid UTF-8.");
            return false;
        }

        if (!TryParse(bytes, out document, out problem))
        {
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            problem = Problems.InvalidBody("The body must be a JSON object.");
            return false;
        }

        if (UnpairedSurrogates.FindIn(document.RootElement) is { } path)
        {
            document.Dispose();
            document = null;
            problem = UnpairedSurrogateProblem(path);
            return false;
        }

        return true;
    }

    private static bool TryGetBytes(string body, bool base64, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        problem = null;
        if (!base64)
        {
            bytes = Encoding.UTF8.GetBytes(body);
        }
        else
        {
            bytes = new byte[body.Length];
            if (!Convert.TryFromBase64String(body, bytes, out int length))
            {
                bytes = null;
                problem = Problems.InvalidBody("The body is flagged as base64 but is not valid base64.");
                return false;
            }

            bytes = bytes[..length];
        }

        if (bytes.Length > MaxBytes)
        {
            bytes = null;
            problem = Problems.PayloadTooLarge(MaxBytes);
            return false;
        }

        return true;
    }

    private static bool TryParse(byte[] bytes, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out HttpApiResponse? problem)
    {
        problem = null;
        try
        {
            document = JsonDocument.Parse(bytes, Options);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            using var lenient = TryParseLeniently(bytes);
            problem = Problems.InvalidBody(lenient is not null
                ? "The body repeats a member name in one object."
                : $"The body is not valid JSON (or nests deeper than {MaxDepth}).");
            return false;
        }
        catch (InvalidOperationException)
        {
            // Looking for repeated names reads every escaped member name, and a lone surrogate in one throws.
            document = null;
            using var lenient = TryParseLeniently(bytes);
            problem = lenient is null
                ? Problems.InvalidBody($"The body is not valid JSON (or nests deeper than {MaxDepth}).")
                : UnpairedSurrogateProblem(UnpairedSurrogates.FindIn(lenient.RootElement) ?? "body");
            return false;
        }
    }

    private static HttpApiResponse UnpairedSurrogateProblem(string path) =>
        Problems.Validation(new Dictionary<string, string[]> { [path] = [CampaignValidator.UnpairedSurrogateRule] });

    private static JsonDocument? TryParseLeniently(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes, DuplicatesAllowed);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
