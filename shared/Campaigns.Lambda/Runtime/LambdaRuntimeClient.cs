using System.Net;
using System.Net.Http.Headers;
using Campaigns.Lambda.Logging;

namespace Campaigns.Lambda.Runtime;

/// <summary>The Lambda Runtime API (2018-06-01) over one long-lived HttpClient.</summary>
internal sealed class LambdaRuntimeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _functionName;
    private readonly LambdaLogger _logger;

    public LambdaRuntimeClient(string runtimeApi, string functionName, LambdaLogger logger)
        : this(runtimeApi, functionName, logger, CreateSocketsHandler())
    {
    }

    public LambdaRuntimeClient(string runtimeApi, string functionName, LambdaLogger logger, HttpMessageHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(handler);
        _functionName = functionName;
        _logger = logger;
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/", UriKind.Absolute),
            // Lambda freezes the process between invocations for arbitrarily long, so the wait on `next`
            // has no meaningful upper bound; any timeout would just fail a healthy environment.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(
            "runtime/invocation/next", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // No invocation can be served without one, so even a 403 would only repeat: exit instead.
            throw new RuntimeApiException(
                $"runtime/invocation/next answered {(int)response.StatusCode}.", response.StatusCode);
        }

        var context = NextInvocationHeaders.ReadContext(response.Headers, _functionName);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new Invocation(context, body);
    }

    public async Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var path = InvocationPath(requestId, "response");
        using var response = await _http.PostAsync(path, content, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            _logger.Warn($"The {body.Length}-byte response is larger than Lambda accepts; reporting an error instead.");
            var payload = ErrorPayload.Create(
                ErrorTypes.ResponseSizeTooLarge, $"The response of {body.Length} bytes exceeds Lambda's response size limit.", []);
            await PostErrorAsync(InvocationPath(requestId, "error"), ErrorTypes.ResponseSizeTooLarge, payload, cancellationToken);
            return;
        }

        CheckAccepted(response, path);
    }

    public Task PostErrorAsync(string requestId, string errorType, Exception error, CancellationToken cancellationToken) =>
        PostErrorAsync(InvocationPath(requestId, "error"), errorType, ErrorPayload.FromException(error), cancellationToken);

    public Task PostInitErrorAsync(string errorType, Exception error, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", errorType, ErrorPayload.FromException(error), cancellationToken);

    public void Dispose() => _http.Dispose();

    private static SocketsHttpHandler CreateSocketsHandler() => new()
    {
        // The Runtime API is a local endpoint: a proxy configured for the function's own calls must not apply.
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    };

    private static string InvocationPath(string requestId, string action) =>
        $"runtime/invocation/{Uri.EscapeDataString(requestId)}/{action}";

    private async Task PostErrorAsync(string path, string errorType, byte[] payload, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeApiHeaders.ErrorContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        using var response = await _http.SendAsync(request, cancellationToken);
        CheckAccepted(response, path);
    }

    private void CheckAccepted(HttpResponseMessage response, string path)
    {
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            throw new RuntimeApiException($"{path} answered 500.", response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            // A rejected post (bad request id, forbidden) concerns one invocation only; keep serving.
            _logger.Warn($"{path} answered {(int)response.StatusCode}; carrying on.");
        }
    }
}
