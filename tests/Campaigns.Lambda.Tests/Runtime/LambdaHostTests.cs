using Campaigns.Lambda.Runtime;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Runtime;

/// <summary>
/// Runs the public entry point against a Runtime API on a real loopback socket. These tests set process
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
        await using var server = new TcpRuntimeApiServer();
        server.EnqueueInvocation("req-1", """{"name":"Ada"}""", DateTimeOffset.UtcNow.AddMinutes(1));
        server.Start();
        using var variables = new EnvironmentScope(RuntimeApiVariable, "_X_AMZN_TRACE_ID");
        Environment.SetEnvironmentVariable(RuntimeApiVariable, server.Address);

        var exitCode = await LambdaHost.RunAsync(_ => Greeter(), TestJsonContext.Default.TestEvent, TestJsonContext.Default.TestResult);

        exitCode.ShouldBe(2);
        var requests = server.Requests;
        requests.Select(r => $"{r.Method} {r.Path}").ShouldBe(
        [
            "GET /2018-06-01/runtime/invocation/next",
            "POST /2018-06-01/runtime/invocation/req-1/response",
            "GET /2018-06-01/runtime/invocation/next",
        ]);
        requests[1].Body.ShouldBe("""{"greeting":"Hello Ada"}""");
    }

    [Fact]
    public async Task RunAsync_WithLoggerInitializer_HandsRuntimeLoggerToHandler()
    {
        await using var server = new TcpRuntimeApiServer();
        server.EnqueueInvocation("req-1", """{"name":"Ada"}""", DateTimeOffset.UtcNow.AddMinutes(1));
        server.Start();
        using var variables = new EnvironmentScope(RuntimeApiVariable, "_X_AMZN_TRACE_ID");
        Environment.SetEnvironmentVariable(RuntimeApiVariable, server.Address);
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
}
