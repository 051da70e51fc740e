using Campaigns.Domain.Storage;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

/// <summary>The problem responses of the API. Details never carry exception text or storage names.</summary>
public static class Problems
{
    public static HttpApiResponse Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Create(400, "validation-error", "Validation failed", "One or more fields are invalid.", errors);

    public static HttpApiResponse BadRequest(string detail, string field, string message) =>
        Create(400, "bad-request", "Bad request", detail, new Dictionary<string, string[]> { [field] = [message] });

    public static HttpApiResponse InvalidBody(string detail) =>
        Create(400, "invalid-body", "Invalid body", detail, new Dictionary<string, string[]> { ["body"] = [detail] });

    public static HttpApiResponse PayloadTooLarge(int maxBytes) =>
        Create(413, "payload-too-large", "Payload too large", $"The body is larger than {maxBytes} bytes (counted after base64 decoding).");

    public static HttpApiResponse NotFound(string code) =>
        Create(404, "not-found", "Not found", $"Campaign '{code}' does not exist.");

    public static HttpApiResponse Conflict(string code) =>
        Create(409, "conflict", "Conflict", $"Campaign code '{code}' is already in use.");

    public static HttpApiResponse PreconditionFailed(string code) =>
        Create(412, "precondition-failed", "Precondition failed", $"Campaign '{code}' has changed; fetch it again and retry with its current ETag.");

    /// <summary>The answer to a conditional write that did not apply: 412 when the campaign changed, else 404.</summary>
    public static HttpApiResponse NotWritten(WriteStatus status, string code) =>
        status == WriteStatus.VersionMismatch ? PreconditionFailed(code) : NotFound(code);

    public static HttpApiResponse ServiceUnavailable() =>
        WithRetryAfter(Create(503, "service-unavailable", "Service unavailable", "The campaign store is busy or unreachable; retry shortly."));

    public static HttpApiResponse Internal() =>
        Create(500, "internal-error", "Internal error", "An unexpected error occurred.");

    private static HttpApiResponse WithRetryAfter(HttpApiResponse response)
    {
        response.Headers!["retry-after"] = "1";
        return response;
    }

    private static HttpApiResponse Create(int status, string slug, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Responses.Problem(new ProblemDetails { Type = "/problems/" + slug, Title = title, Status = status, Detail = detail, Errors = errors });
}
