using System.Text.Json.Serialization.Metadata;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Metrics;

namespace Campaigns.Lambda.Runtime;

/// <summary>
/// The custom runtime's life: initialize the handler once, then fetch and serve invocations until the
/// Runtime API fails or the host stops. The result is the process exit code.
/// </summary>
internal sealed class LambdaRuntime<TEvent, TResult>
{
    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    // Long enough for a TLS handshake and a first request at full CPU, short against Lambda's 10 s init limit.
    private static readonly TimeSpan DefaultWarmUpLimit = TimeSpan.FromSeconds(2);

    private readonly LambdaRuntimeClient _client;
    private readonly LambdaLogger _logger;
    private readonly IEnvironmentVariables _environment;
    private readonly InvocationProcessor<TEvent, TResult> _processor;
    private readonly TimeProvider _time;
    private readonly TimeSpan _warmUpLimit;
    private ColdStartMetric? _coldStart;
    private DateTimeOffset _initEnd;

    public LambdaRuntime(
        LambdaRuntimeClient client,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType,
        LambdaLogger logger,
        TimeProvider time,
        IEnvironmentVariables environment,
        ColdStartMetric? coldStart = null,
        TimeSpan? warmUpLimit = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(resultType);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(environment);
        _client = client;
        _logger = logger;
        _environment = environment;
        _time = time;
        _coldStart = coldStart;
        _warmUpLimit = warmUpLimit ?? DefaultWarmUpLimit;
        _processor = new InvocationProcessor<TEvent, TResult>(client, eventType, resultType, logger, time);
    }

    public async Task<int> RunAsync(Func<ILambdaHandler<TEvent, TResult>> initialize, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        var handler = await InitializeAsync(initialize, stoppingToken);
        return handler is null ? ExitCodes.InitializationFailed : await ServeAsync(handler, stoppingToken);
    }

    private async Task<ILambdaHandler<TEvent, TResult>?> InitializeAsync(
        Func<ILambdaHandler<TEvent, TResult>> initialize, CancellationToken stoppingToken)
    {
        ILambdaHandler<TEvent, TResult> handler;
        try
        {
            handler = initialize() ?? throw new InvalidOperationException("The function initializer returned no handler.");
        }
        catch (Exception ex)
        {
            _logger.Log(LogLevel.Critical, "The function failed to initialize.", ex);
            await ReportInitErrorAsync(ex, stoppingToken);
            return null;
        }

        if (handler is ILambdaWarmUp warmUp)
        {
            await WarmUpAsync(warmUp, stoppingToken);
        }

        return handler;
    }

    private async Task WarmUpAsync(ILambdaWarmUp warmUp, CancellationToken stoppingToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            // WaitAsync bounds the wait even if the warm-up ignores its token.
            await warmUp.WarmUpAsync(limit.Token).WaitAsync(_warmUpLimit, _time, stoppingToken);
        }
        catch (Exception ex)
        {
            // A stop request ends the runtime right after; otherwise only the type is logged: the message may
            // name endpoints or resources, and nothing here is actionable.
            if (!stoppingToken.IsCancellationRequested)
            {
                _logger.Warn($"Warm-up skipped ({ex.GetType().Name}); the first invocation pays its one-time costs instead.");
            }
        }
        finally
        {
            await limit.CancelAsync();
        }
    }

    private async Task ReportInitErrorAsync(Exception error, CancellationToken stoppingToken)
    {
        try
        {
            await _client.PostInitErrorAsync(ErrorTypes.InitError, error, stoppingToken);
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException or OperationCanceledException)
        {
            _logger.Error("The initialization error could not be reported to the Runtime API.", ex);
        }
    }

    private async Task<int> ServeAsync(ILambdaHandler<TEvent, TResult> handler, CancellationToken stoppingToken)
    {
        _initEnd = _time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var invocation = await _client.GetNextInvocationAsync(stoppingToken);
                await ServeOneAsync(handler, invocation, stoppingToken);
            }

            return ExitCodes.Stopped;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return ExitCodes.Stopped;
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException)
        {
            // Exit promptly: Lambda then replaces this execution environment.
            _logger.Log(LogLevel.Critical, "The Lambda Runtime API failed; exiting.", ex);
            return ExitCodes.RuntimeApiFailed;
        }
    }

    private async Task ServeOneAsync(
        ILambdaHandler<TEvent, TResult> handler, Invocation invocation, CancellationToken stoppingToken)
    {
        _logger.RequestId = invocation.Context.RequestId;
        // Null removes the variable, so a trace id never leaks from one invocation into the next.
        _environment.SetValue(TraceIdVariable, invocation.Context.TraceId);
        try
        {
            await _processor.ProcessAsync(handler, invocation, stoppingToken);
            WriteColdStartOnce(invocation.Context.RequestId);
        }
        finally
        {
            _logger.RequestId = null;
        }
    }

    private void WriteColdStartOnce(string requestId)
    {
        if (_coldStart is { } metric)
        {
            // After the response is posted, so the record costs the first caller nothing.
            _coldStart = null;
            _logger.WriteLine(metric.Format(_logger.FunctionName, requestId, _initEnd, _time.GetUtcNow()));
        }
    }
}
