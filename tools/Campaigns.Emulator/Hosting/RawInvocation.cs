using System.Text;
using System.Text.Json;
using Campaigns.Emulator.Runtime;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Hosting;

/// <summary>The edges of <see cref="EmulatorHost.InvokeRawAsync"/>: the event going in and the result coming out.</summary>
internal static class RawInvocation
{
    /// <summary>
    /// The event as UTF-8. Refused up front, like Lambda's Invoke API refuses them, when it is not JSON or is over the
    /// 6 MB synchronous payload limit: otherwise a typo would surface as a confusing crash inside the function.
    /// </summary>
    public static byte[] EncodeEvent(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        var bytes = Encoding.UTF8.GetBytes(eventJson);
        if (bytes.Length > RuntimeApiEndpoint.MaxPayloadBytes)
        {
            throw new ArgumentException(
                $"The event is {bytes.Length} bytes; a synchronous invocation allows at most {RuntimeApiEndpoint.MaxPayloadBytes}.",
                nameof(eventJson));
        }

        try
        {
            JsonDocument.Parse(bytes).Dispose();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The event is not valid JSON: {ex.Message}", nameof(eventJson), ex);
        }

        return bytes;
    }

    /// <exception cref="ObjectDisposedException">The emulator shut down before the invocation could run.</exception>
    public static RawInvocationResult ToResult(InvocationOutcome outcome, string traceId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        // Only an emulator that is shutting down answers without running the invocation, hence without a report.
        var report = outcome.Report ?? throw new ObjectDisposedException(nameof(EmulatorHost), "The emulator is shutting down.");
        var payload = Encoding.UTF8.GetString(outcome.Payload);
        return new RawInvocationResult(
            report.Status,
            ResponseBody: outcome.Kind == OutcomeKind.Response ? payload : null,
            outcome.ErrorType,
            ErrorBody: outcome.ErrorType is null ? null : payload,
            report.RequestId,
            report.ProcessId,
            traceId);
    }
}
