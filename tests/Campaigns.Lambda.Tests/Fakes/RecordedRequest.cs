using System.Text.Json;

namespace Campaigns.Lambda.Tests.Fakes;

internal sealed class RecordedRequest(
    string method, string path, IReadOnlyDictionary<string, string> headers, string body)
{
    public string Method { get; } = method;

    /// <summary>The absolute path, e.g. <c>/2018-06-01/runtime/invocation/next</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Request and content headers, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public string Body { get; } = body;

    public JsonDocument ParseBody() => JsonDocument.Parse(Body);

    /// <summary>
    /// Asserts this is the Runtime API error post of <paramref name="requestId"/>: its path, the error-type
    /// header, the error content type, and the errorMessage and errorType of the body, which it returns.
    /// </summary>
    public JsonDocument ShouldBeErrorPost(string requestId, string errorType, string message, Type exception)
    {
        Path.ShouldBe($"/2018-06-01/runtime/invocation/{requestId}/error");
        Headers["Lambda-Runtime-Function-Error-Type"].ShouldBe(errorType);
        Headers["Content-Type"].ShouldBe("application/vnd.aws.lambda.error+json");
        var body = ParseBody();
        body.RootElement.GetProperty("errorMessage").GetString().ShouldBe(message);
        body.RootElement.GetProperty("errorType").GetString().ShouldBe(exception.FullName);
        return body;
    }

    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(',', header.Value);
        }

        var body = string.Empty;
        if (request.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                headers[header.Key] = string.Join(',', header.Value);
            }

            body = await content.ReadAsStringAsync(cancellationToken);
        }

        return new RecordedRequest(request.Method.Method, request.RequestUri!.AbsolutePath, headers, body);
    }
}
