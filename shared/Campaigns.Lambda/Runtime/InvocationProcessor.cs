using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Campaigns.Lambda.Logging;

namespace Campaigns.Lambda.Runtime;

/// <summary>Serves one invocation: read the event, run the handler, post its result or its error.</summary>
internal sealed class InvocationProcessor<TEvent, TResult>(
    LambdaRuntimeClient client,
    JsonTypeInfo<TEvent> eventType,
    JsonTypeInfo<TResult> resultType,
    LambdaLogger logger,
    TimeProvider time)
{
    public async Task ProcessAsync(
        ILambdaHandler<TEvent, TResult> handler, Invocation invocation, CancellationToken stoppingToken)
    {
        var requestId = invocation.Context.RequestId;
        if (!TryReadEvent(invocation.Body, out var input, out var invalidEvent))
        {
            logger.Error("The event could not be read.", invalidEvent);
            await client.PostErrorAsync(requestId, ErrorTypes.SerializationError, invalidEvent, stoppingToken);
            return;
        }

        TResult result;
        try
        {
            result = await InvokeHandlerAsync(handler, input, invocation.Context, stoppingToken);
        }
        catch (Exception ex)
        {
            // Whatever the handler throws concerns this invocation only: report it and keep serving.
            logger.Error("The handler failed.", ex);
            var errorType = ex is InvalidEventException ? ErrorTypes.InvalidEvent : ErrorTypes.UnhandledException;
            await client.PostErrorAsync(requestId, errorType, ex, stoppingToken);
            return;
        }

        byte[] body;
        try
        {
            body = JsonSerializer.SerializeToUtf8Bytes(result, resultType);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            logger.Error("The handler's result could not be serialized.", ex);
            await client.PostErrorAsync(requestId, ErrorTypes.SerializationError, ex, stoppingToken);
            return;
        }

        await client.PostResponseAsync(requestId, body, stoppingToken);
    }

    private async Task<TResult> InvokeHandlerAsync(
        ILambdaHandler<TEvent, TResult> handler, TEvent input, LambdaContext context, CancellationToken stoppingToken)
    {
        using var deadline = InvocationDeadline.CreateCancellation(context.Deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stoppingToken);
        return await handler.HandleAsync(input, context, linked.Token);
    }

    private bool TryReadEvent(
        ReadOnlyMemory<byte> body,
        [MaybeNullWhen(false)] out TEvent input,
        [NotNullWhen(false)] out InvalidEventException? error)
    {
        try
        {
            input = JsonSerializer.Deserialize(body.Span, eventType);
        }
        catch (JsonException ex)
        {
            input = default;
            error = new InvalidEventException($"The event is not a valid {typeof(TEvent).Name}: {ex.Message}", ex);
            return false;
        }

        if (input is null)
        {
            error = new InvalidEventException($"The event is JSON null, not a {typeof(TEvent).Name}.");
            return false;
        }

        error = null;
        return true;
    }
}
