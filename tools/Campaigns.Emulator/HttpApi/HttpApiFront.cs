using Campaigns.Emulator.Functions;
using Campaigns.Emulator.Hosting;
using Campaigns.Emulator.Reporting;
using Campaigns.Emulator.Runtime;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.HttpApi;

/// <summary>The API Gateway HTTP API face: routing, the local JWT stand-in, the Lambda integration (payload 2.0).</summary>
internal sealed class HttpApiFront
{
    private readonly Router _router;
    private readonly IReadOnlyDictionary<string, IFunctionInvoker> _functions;
    private readonly EmulatorLog _log;
    private readonly TimeProvider _time;
    private readonly LocalFiles _localFiles;

    public HttpApiFront(
        Router router,
        IReadOnlyDictionary<string, IFunctionInvoker> functions,
        EmulatorLog log,
        TimeProvider time,
        LocalFiles localFiles)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(localFiles);
        _router = router;
        _functions = functions;
        _log = log;
        _time = time;
        _localFiles = localFiles;
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_localFiles.Find(context.Request.Method, context.Request.Path.Value ?? string.Empty) is { } file)
        {
            await LocalFiles.ServeAsync(context, file);
            return;
        }

        var now = _time.GetUtcNow();
        var stamp = new EventStamp(ApiGatewayRequestIds.New(), now, TraceIds.NewRoot(now));
        try
        {
            var request = await ApiRequestReader.ReadAsync(context);
            if (request is null)
            {
                await LimitedBody.DrainAsync(context.Request, context.RequestAborted);
            }

            var response = request is null
                ? GatewayResponses.PayloadTooLarge
                : await RespondAsync(request, stamp, context.RequestAborted);
            await ApiResponseWriter.WriteAsync(context.Response, response, stamp.RequestId, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up; there is nobody to answer.
        }
    }

    /// <summary>Everything between the received request and the response to send, free of Kestrel types.</summary>
    public async Task<ApiResponse> RespondAsync(ApiRequest request, EventStamp stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stamp);
        var target = RequestTarget.Parse(request.RawTarget);
        var match = _router.Match(request.Method, PathSegments.SplitAndDecode(target.RawPath));
        if (match is null)
        {
            return GatewayResponses.NotFound;
        }

        IReadOnlyList<KeyValuePair<string, string>>? claims = null;
        if (match.Function.RequiresJwt)
        {
            var authorization = request.Headers.LastOrDefault(h => string.Equals(h.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value;
            if (!JwtClaims.TryRead(authorization, out var read))
            {
                return GatewayResponses.Unauthorized;
            }

            claims = read;
        }

        var lambdaEvent = HttpApiEventBuilder.Build(request, match, claims, stamp);
        if (lambdaEvent.Length > RuntimeApiEndpoint.MaxPayloadBytes)
        {
            // Lambda refuses a synchronous invocation payload over 6 MB.
            return GatewayResponses.PayloadTooLarge;
        }

        var invocation = new InvocationRequest(lambdaEvent, TraceIds.Header(stamp.TraceRoot));
        var outcome = await _functions[match.Function.Name].InvokeAsync(invocation, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Response => MapResponse(match.Function.Name, outcome.Payload),
            OutcomeKind.TimedOut or OutcomeKind.Unavailable => GatewayResponses.ServiceUnavailable,
            _ => GatewayResponses.InternalServerError,
        };
    }

    private ApiResponse MapResponse(string functionName, byte[] payload)
    {
        var mapping = ResponseMapper.Map(payload);
        if (mapping.Response is not null)
        {
            return mapping.Response;
        }

        _log.Line($"{functionName}: malformed Lambda proxy response: {mapping.Problem}");
        return GatewayResponses.InternalServerError;
    }
}
