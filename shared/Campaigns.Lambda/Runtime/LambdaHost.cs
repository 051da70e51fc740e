using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Metrics;

namespace Campaigns.Lambda.Runtime;

/// <summary>Entry point of a function's process: wires the runtime from the Lambda environment and runs it.</summary>
/// <remarks>Exit codes: 0 when stopped, 1 when initialization failed, 2 when the Runtime API failed.</remarks>
public static class LambdaHost
{
    /// <param name="initialize">
    /// Receives the runtime's own logger, whose entries carry the current request id.
    /// </param>
    /// <param name="coldStartMetricNamespace">When set, the first invocation writes a cold-start metric record in this CloudWatch namespace.</param>
    public static async Task<int> RunAsync<TEvent, TResult>(
        Func<LambdaLogger, ILambdaHandler<TEvent, TResult>> initialize,
        JsonTypeInfo<TEvent> eventType,
        JsonTypeInfo<TResult> resultType,
        string? coldStartMetricNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(resultType);

        var environment = new ProcessEnvironmentVariables();
        var runtimeApi = environment.GetValue("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            await Console.Error.WriteLineAsync(
                "AWS_LAMBDA_RUNTIME_API is not set: this program runs only as an AWS Lambda function "
                + "(or under the Lambda Runtime Interface Emulator).");
            return ExitCodes.InitializationFailed;
        }

        var time = TimeProvider.System;
        var logger = LambdaLogger.FromEnvironment(Console.Out, time, environment);
        var functionName = environment.GetValue("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty;
        using var client = new LambdaRuntimeClient(runtimeApi, functionName, logger);
        var coldStart = coldStartMetricNamespace is null
            ? null
            : new ColdStartMetric(coldStartMetricNamespace, static () => Process.GetCurrentProcess().StartTime.ToUniversalTime());
        var runtime = new LambdaRuntime<TEvent, TResult>(client, eventType, resultType, logger, time, environment, coldStart);

        using var stopping = new CancellationTokenSource();
        // Lambda sends SIGTERM before shutting an environment down (when extensions are registered):
        // stop waiting for invocations and exit cleanly instead of being killed.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopping.Cancel();
        });
        return await runtime.RunAsync(() => initialize(logger), stopping.Token);
    }
}
