using System.Net;
using Campaigns.Lambda.Runtime;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeTests
{
    [Fact]
    public async Task RunAsync_WhenHandlerSucceeds_PostsSerializedResultToResponsePath()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1", """{"name":"Ada"}""");

        await harness.RunAsync(RuntimeHarness.Greet);

        var post = harness.Api.Posts.ShouldHaveSingleItem();
        post.Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/response");
        post.Body.ShouldBe("""{"greeting":"Hello Ada"}""");
    }

    [Fact]
    public async Task RunAsync_WhenInvoked_PassesRuntimeHeadersToHandlerContext()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1", traceId: "Root=1-abc;Parent=def;Sampled=1");
        LambdaContext? seen = null;

        await harness.RunAsync((input, context, _) =>
        {
            seen = context;
            return RuntimeHarness.Greet(input, context, CancellationToken.None);
        });

        seen.ShouldNotBeNull();
        seen.RequestId.ShouldBe("req-1");
        seen.Deadline.ShouldBe(RuntimeHarness.Start.AddSeconds(30));
        seen.InvokedFunctionArn.ShouldBe(FakeRuntimeApiHandler.FunctionArn);
        seen.TraceId.ShouldBe("Root=1-abc;Parent=def;Sampled=1");
        seen.FunctionName.ShouldBe(RuntimeHarness.FunctionName);
    }

    [Fact]
    public async Task RunAsync_WhenTraceIdPresentThenAbsent_SetsThenRemovesTraceVariable()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1", traceId: "Root=1-abc");
        harness.EnqueueInvocation("req-2");

        await harness.RunAsync(RuntimeHarness.Greet);

        harness.Environment.Changes.ShouldBe([("_X_AMZN_TRACE_ID", "Root=1-abc"), ("_X_AMZN_TRACE_ID", null)]);
    }

    [Fact]
    public async Task RunAsync_DuringInvocation_LogLinesCarryRequestId()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");

        await harness.RunAsync((input, context, ct) =>
        {
            harness.Logger.Info("inside");
            return RuntimeHarness.Greet(input, context, ct);
        });

        var entries = harness.LogEntries();
        entries.Single(e => e.Message == "inside").RequestId.ShouldBe("req-1");
        entries[^1].RequestId.ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_WhenNextAnswers500_Returns2()
    {
        using var harness = new RuntimeHarness();

        var exitCode = await harness.RunAsync(RuntimeHarness.Greet);

        exitCode.ShouldBe(2);
        harness.LogEntries()[^1].Level.ShouldBe("FATAL");
    }

    [Fact]
    public async Task RunAsync_WhenRuntimeApiUnreachable_Returns2()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueNextFailure(new HttpRequestException("Connection refused"));

        var exitCode = await harness.RunAsync(RuntimeHarness.Greet);

        exitCode.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_WhenResponsePostAnswers500_Returns2WithoutFetchingAgain()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");
        harness.EnqueueInvocation("req-2");
        harness.Api.PostStatus = _ => HttpStatusCode.InternalServerError;

        var exitCode = await harness.RunAsync(RuntimeHarness.Greet);

        exitCode.ShouldBe(2);
        harness.Api.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_WhenStoppedWhileWaitingForNext_Returns0()
    {
        using var harness = new RuntimeHarness();
        harness.Api.HangWhenExhausted = true;
        using var stopping = new CancellationTokenSource();

        var running = harness.RunAsync(RuntimeHarness.Greet, stopping.Token);
        await harness.Api.Hanging;
        await stopping.CancelAsync();

        (await running).ShouldBe(0);
    }
}
