using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Campaigns.RuntimeApi;

/// <summary>The Lambda Runtime API (2018-06-01) for one process's port, answering from its backend.</summary>
public static class RuntimeApiEndpoint
{
    /// <summary>Lambda's synchronous response limit: 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    private const string UnknownErrorType = "Runtime.Unknown";

    public static async Task HandleAsync(HttpContext context, IRuntimeApiBackend backend)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(backend);
        // Taken before anything else, for callers that time the process from its side of the socket.
        var arrived = Stopwatch.GetTimestamp();
        var route = RuntimeApiRoute.Parse(context.Request.Method, context.Request.Path.Value ?? string.Empty);
        switch (route.Call)
        {
            case RuntimeApiCall.Next:
                await NextAsync(context, backend, arrived);
                break;
            case RuntimeApiCall.Response:
            case RuntimeApiCall.Error:
                await CompleteAsync(context, backend, route, arrived);
                break;
            case RuntimeApiCall.InitError:
                await InitErrorAsync(context, backend);
                break;
            case RuntimeApiCall.MethodNotAllowed:
                await WriteAsync(context, 405, ErrorJson("MethodNotAllowed", "Method not allowed."));
                break;
            default:
                await WriteAsync(context, 404, ErrorJson("NotFound", "Unknown Runtime API path."));
                break;
        }
    }

    private static async Task NextAsync(HttpContext context, IRuntimeApiBackend backend, long arrived)
    {
        NextAnswer answer;
        try
        {
            answer = await backend.NextAsync(arrived, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            answer = NextAnswer.Aborted;
        }

        switch (answer.Kind)
        {
            case NextAnswerKind.Invocation:
                var invocation = answer.Invocation!;
                var headers = context.Response.Headers;
                headers[RuntimeApiHeaderNames.RequestId] = invocation.RequestId;
                headers[RuntimeApiHeaderNames.DeadlineMs] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                headers[RuntimeApiHeaderNames.InvokedFunctionArn] = invocation.FunctionArn;
                headers[RuntimeApiHeaderNames.TraceId] = invocation.TraceId;
                await WriteAsync(context, 200, invocation.Event);
                break;
            case NextAnswerKind.Fault:
                await WriteAsync(context, 500, ErrorJson("ServiceException", answer.Message));
                break;
            case NextAnswerKind.Rejected:
                await WriteAsync(context, 400, ErrorJson("InvalidStateTransition", answer.Message));
                break;
            default:
                context.Abort();
                break;
        }
    }

    private static async Task CompleteAsync(HttpContext context, IRuntimeApiBackend backend, RuntimeApiRoute route, long arrived)
    {
        if (!backend.IsInFlight(route.RequestId))
        {
            await WriteAsync(context, 400, ErrorJson("InvalidRequestID", $"Invalid request ID: {route.RequestId}"));
            return;
        }

        var body = await LimitedBody.ReadAsync(context.Request, MaxPayloadBytes, context.RequestAborted);
        if (body is null)
        {
            await LimitedBody.DrainAsync(context.Request, context.RequestAborted);
            // The invocation stays in flight: the runtime is expected to report the failure on /error.
            await WriteAsync(context, 413, ErrorJson(
                "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({MaxPayloadBytes} bytes)."));
            return;
        }

        var isError = route.Call == RuntimeApiCall.Error;
        var errorType = isError ? ErrorTypeOf(context.Request) : null;
        if (!backend.Complete(route.RequestId, new PostedResult(isError, body, errorType, arrived)))
        {
            // It timed out or its process was killed while the body was arriving.
            await WriteAsync(context, 400, ErrorJson("InvalidRequestID", $"Invalid request ID: {route.RequestId}"));
            return;
        }

        await WriteAsync(context, 202, Encoding.UTF8.GetBytes("""{"status":"OK"}"""));
    }

    private static async Task InitErrorAsync(HttpContext context, IRuntimeApiBackend backend)
    {
        var body = await LimitedBody.ReadAsync(context.Request, MaxPayloadBytes, context.RequestAborted) ?? [];
        backend.InitError(ErrorTypeOf(context.Request), body);
        await WriteAsync(context, 202, Encoding.UTF8.GetBytes("""{"status":"OK"}"""));
    }

    private static string ErrorTypeOf(HttpRequest request) =>
        request.Headers[RuntimeApiHeaderNames.FunctionErrorType].ToString() is { Length: > 0 } type ? type : UnknownErrorType;

    private static byte[] ErrorJson(string errorType, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["errorMessage"] = message, ["errorType"] = errorType },
            RuntimeApiJsonContext.Default.DictionaryStringString);

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        try
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The process went away mid-answer; what that means is the backend's business.
        }
    }
}
