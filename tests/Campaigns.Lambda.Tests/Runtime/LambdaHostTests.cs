using System.Text;
using Campaigns.Lambda.Runtime;
using Campaigns.Lambda.Tests.Fakes;
using Campaigns.RuntimeApi;

namespace Campaigns.Lambda.Tests.Runtime;

/// <summary>
/// Runs the public entry point against the tools' Runtime API server on a real loopback socket. These tests set process
/// environment variables, which is why they live together in one (sequentially run) class.
/// </summary>
public sealed class LambdaHostTests
{
    private const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    [Fact]
    public async Task RunAsync_WhenRuntimeApiVariableMissing_Returns1()
    {
        using var variables = new EnvironmentScope(RuntimeApiVariable, "_X_AMZN_TRACE_ID");
        Environment.SetEnvironmentVariable(RuntimeApiVariable, null);

        var exitCode = await LambdaHost.RunAsync(_ => Greeter(), TestJsonContext.Default.TestEvent, TestJsonContext.Default.TestResult);

        exitCode.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_OverRealSocket_ServesInvocationThenReturns2On500()
    {
        var backend = new QueuedRuntimeApiBackend();
        backend.Enqueue(Invocation("req-1", """{"name":"Ada"}"""));
        await using var server = await RuntimeApiServer.StartAsync([backend]);
        using var variables = new EnvironmentScope(RuntimeApiVariable, "_X_AMZN_TRACE_ID");
        Environment.SetEnvironmentVariable(RuntimeApiVariable, $"127.0.0.1:{server.Ports[0]}");

        var exitCode = await LambdaHost.RunAsync(_ => Greeter(), TestJsonContext.Default.TestEvent, TestJsonContext.Default.TestResult);

        exitCode.ShouldBe(2);
        backend.Calls.ShouldBe(["invocation/next", "invocation/req-1/response", "invocation/next"]);
        Encoding.UTF8.GetString(backend.Results.ShouldHaveSingleItem().Result.Body).ShouldBe("""{"greeting":"Hello Ada"}""");
    }

    [Fact]
    public async Task RunAsync_WithLoggerInitializer_HandsRuntimeLoggerToHandler()
    {
        var backend = new QueuedRuntimeApiBackend();
        backend.Enqueue(Invocation("req-1", """{"name":"Ada"}"""));
        await using var server = await RuntimeApiServer.StartAsync([backend]);
        using var variables = new EnvironmentScope(RuntimeApiVariable, "_X_AMZN_TRACE_ID");
        Environment.SetEnvironmentVariable(RuntimeApiVariable, $"127.0.0.1:{server.Ports[0]}");
        string? requestIdSeenByLogger = null;

        var exitCode = await LambdaHost.RunAsync(
            logger => new DelegateHandler<TestEvent, TestResult>((input, context, ct) =>
            {
                requestIdSeenByLogger = logger.RequestId;
                return RuntimeHarness.Greet(input, context, ct);
            }),
            TestJsonContext.Default.TestEvent,
            TestJsonContext.Default.TestResult);

        exitCode.ShouldBe(2);
        requestIdSeenByLogger.ShouldBe("req-1");
    }

    private static DelegateHandler<TestEvent, TestResult> Greeter() => new(RuntimeHarness.Greet);

    private static NextInvocation Invocation(string requestId, string body) => new(
        requestId, Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow.AddMinutes(1), FakeRuntimeApiHandler.FunctionArn, "Root=1-abc");
}
