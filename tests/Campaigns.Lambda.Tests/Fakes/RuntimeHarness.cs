using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Metrics;
using Campaigns.Lambda.Runtime;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>A runtime wired to a fake Runtime API, a fake clock, a recording environment and an in-memory log.</summary>
internal sealed class RuntimeHarness : IDisposable
{
    public const string FunctionName = "test-function";

    public RuntimeHarness()
    {
        Logger = new LambdaLogger(Log, LogFormat.Json, LogLevel.Trace, FunctionName, Time);
        Client = new LambdaRuntimeClient("127.0.0.1:9001", FunctionName, Logger, Api);
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeRuntimeApiHandler Api { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public RecordingEnvironment Environment { get; } = new();

    public StringWriter Log { get; } = new();

    public LambdaLogger Logger { get; }

    public LambdaRuntimeClient Client { get; }

    public void EnqueueInvocation(string requestId, string body = """{"name":"Ada"}""", string? traceId = null) =>
        Api.EnqueueInvocation(requestId, body, Start.AddSeconds(30), traceId);

    public Task<int> RunAsync(
        Func<TestEvent, LambdaContext, CancellationToken, Task<TestResult>> handle,
        CancellationToken stoppingToken = default) =>
        RunAsync(() => new DelegateHandler<TestEvent, TestResult>(handle), stoppingToken);

    /// <summary>When set before running, the runtime writes a cold-start metric record with it.</summary>
    public ColdStartMetric? ColdStart { get; set; }

    public Task<int> RunAsync(
        Func<ILambdaHandler<TestEvent, TestResult>> initialize, CancellationToken stoppingToken = default)
    {
        var runtime = new LambdaRuntime<TestEvent, TestResult>(
            Client, TestJsonContext.Default.TestEvent, TestJsonContext.Default.TestResult, Logger, Time, Environment, ColdStart);
        return runtime.RunAsync(initialize, stoppingToken);
    }

    public static Task<TestResult> Greet(TestEvent input, LambdaContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new TestResult { Greeting = $"Hello {input.Name}" });

    public IReadOnlyList<JsonLogEntry> LogEntries() =>
        [.. Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonLogEntry.Parse)];

    public void Dispose()
    {
        Client.Dispose();
        Log.Dispose();
    }
}
