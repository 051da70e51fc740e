using System.Globalization;
using System.Text;
using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Runtime;

/// <summary>The Lambda Runtime API (2018-06-01) on a process's own port.</summary>
internal static class RuntimeApiEndpoint
{
    /// <summary>Lambda's synchronous response limit: 6 MB.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    public static async Task HandleAsync(HttpContext context, RuntimeSlot slot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(slot);
        var route = RuntimeApiRoute.Parse(context.Request.Method, context.Request.Path.Value ?? string.Empty);
        switch (route.Call)
        {
            case RuntimeApiCall.Next:
                await NextAsync(context, slot);
                break;
            case RuntimeApiCall.Response:
            case RuntimeApiCall.Error:
                await CompleteAsync(context, slot, route);
                break;
            case RuntimeApiCall.InitError:
                await InitErrorAsync(context, slot);
                break;
            case RuntimeApiCall.MethodNotAllowed:
                await WriteAsync(context, 405, ErrorJson("MethodNotAllowed", "Method not allowed."));
                break;
            default:
                await WriteAsync(context, 404, ErrorJson("NotFound", "Unknown Runtime API path."));
                break;
        }
    }

    private static async Task NextAsync(HttpContext context, RuntimeSlot slot)
    {
        var answer = await slot.Pool.WaitForNextAsync(slot, context.RequestAborted);
        switch (answer.Kind)
        {
            case PollAnswerKind.Invocation:
                var invocation = answer.Invocation!;
                var headers = context.Response.Headers;
                headers[RuntimeApiHeaders.RequestId] = invocation.RequestId;
                headers[RuntimeApiHeaders.DeadlineMs] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                headers[RuntimeApiHeaders.InvokedFunctionArn] = slot.Pool.FunctionArn;
                headers[RuntimeApiHeaders.TraceId] = invocation.Pending.Request.TraceId;
                await WriteAsync(context, 200, invocation.Pending.Request.Event);
                break;
            case PollAnswerKind.Fault:
                await WriteAsync(context, 500, ErrorJson("ServiceException", answer.Message));
                break;
            case PollAnswerKind.Rejected:
                await WriteAsync(context, 400, ErrorJson("InvalidStateTransition", answer.Message));
                break;
            default:
                context.Abort();
                break;
        }
    }

    private static async Task CompleteAsync(HttpContext context, RuntimeSlot slot, RuntimeApiRoute route)
    {
        if (!slot.Pool.IsInFlight(slot, route.RequestId))
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
        string? errorType = null;
        if (isError)
        {
            errorType = context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].ToString() is { Length: > 0 } type ? type : "Runtime.Unknown";
        }

        var kind = isError ? OutcomeKind.FunctionError : OutcomeKind.Response;
        var description = isError ? ErrorDescription.Of(body) : null;
        if (!slot.Pool.Complete(slot, route.RequestId, kind, body, errorType, description))
        {
            // It timed out or its process was killed while the body was arriving.
            await WriteAsync(context, 400, ErrorJson("InvalidRequestID", $"Invalid request ID: {route.RequestId}"));
            return;
        }

        await WriteAsync(context, 202, Encoding.UTF8.GetBytes("""{"status":"OK"}"""));
    }

    private static async Task InitErrorAsync(HttpContext context, RuntimeSlot slot)
    {
        var body = await LimitedBody.ReadAsync(context.Request, MaxPayloadBytes, context.RequestAborted) ?? [];
        var errorType = context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].ToString() is { Length: > 0 } type ? type : "Runtime.Unknown";
        slot.Pool.ReportInitError(slot, errorType, ErrorDescription.Of(body));
        await WriteAsync(context, 202, Encoding.UTF8.GetBytes("""{"status":"OK"}"""));
    }

    private static byte[] ErrorJson(string errorType, string message) =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["errorMessage"] = message, ["errorType"] = errorType },
            RuntimeJsonContext.Default.DictionaryStringString);

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
            // The process went away mid-answer; its exit is handled by the pool.
        }
    }
}
