using System.Net;
using Campaigns.Lambda.Runtime;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeErrorTests
{
    [Fact]
    public async Task RunAsync_WhenHandlerThrows_PostsErrorWithTypeHeaderAndJsonBody()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");

        await harness.RunAsync((_, _, _) => ThrowingHandler(new InvalidOperationException("boom")));

        var post = harness.Api.Posts.ShouldHaveSingleItem();
        using var body = post.ShouldBeErrorPost("req-1", "Runtime.UnhandledException", "boom", typeof(InvalidOperationException));
        var stackTrace = body.RootElement.GetProperty("stackTrace").EnumerateArray().Select(l => l.GetString()).ToList();
        stackTrace.ShouldContain(line => line!.Contains(nameof(ThrowingHandler), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WhenHandlerThrows_KeepsServingNextInvocation()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1", """{"name":"fail"}""");
        harness.EnqueueInvocation("req-2", """{"name":"Ada"}""");

        await harness.RunAsync((input, context, ct) => input.Name == "fail"
            ? ThrowingHandler(new InvalidOperationException("boom"))
            : RuntimeHarness.Greet(input, context, ct));

        harness.Api.Posts.Select(p => p.Path).ShouldBe(
            ["/2018-06-01/runtime/invocation/req-1/error", "/2018-06-01/runtime/invocation/req-2/response"]);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerThrowsInvalidEvent_ReportsInvalidEventErrorType()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");

        await harness.RunAsync((_, _, _) => ThrowingHandler(new InvalidEventException("no name")));

        var post = harness.Api.Posts.ShouldHaveSingleItem();
        post.Headers["Lambda-Runtime-Function-Error-Type"].ShouldBe("Runtime.InvalidEvent");
        using var body = post.ParseBody();
        body.RootElement.GetProperty("errorType").GetString().ShouldBe(typeof(InvalidEventException).FullName);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"name": 42}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task RunAsync_WhenEventDoesNotDeserialize_PostsSerializationErrorAndServesNext(string badEvent)
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1", badEvent);
        harness.EnqueueInvocation("req-2");
        var handled = 0;

        await harness.RunAsync((input, context, ct) =>
        {
            handled++;
            return RuntimeHarness.Greet(input, context, ct);
        });

        handled.ShouldBe(1);
        var posts = harness.Api.Posts.ToList();
        posts[0].Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/error");
        posts[0].Headers["Lambda-Runtime-Function-Error-Type"].ShouldBe("Runtime.SerializationError");
        posts[1].Path.ShouldBe("/2018-06-01/runtime/invocation/req-2/response");
    }

    [Fact]
    public async Task RunAsync_WhenInitializeThrows_PostsInitErrorAndReturns1()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");

        var exitCode = await harness.RunAsync(() => throw new InvalidOperationException("no table name"));

        exitCode.ShouldBe(1);
        var request = harness.Api.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/2018-06-01/runtime/init/error");
        request.Headers["Lambda-Runtime-Function-Error-Type"].ShouldBe("Runtime.InitError");
        using var body = request.ParseBody();
        body.RootElement.GetProperty("errorType").GetString().ShouldBe("System.InvalidOperationException");
        body.RootElement.GetProperty("errorMessage").GetString().ShouldBe("no table name");
    }

    [Fact]
    public async Task RunAsync_WhenInitErrorPostFails_StillReturns1()
    {
        using var harness = new RuntimeHarness();
        harness.Api.PostStatus = _ => HttpStatusCode.InternalServerError;

        var exitCode = await harness.RunAsync(() => throw new InvalidOperationException("no table name"));

        exitCode.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_WhenResponseRejectedAsTooLarge_PostsResponseSizeTooLargeError()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");
        harness.Api.PostStatus = post => post.Path.EndsWith("/response", StringComparison.Ordinal)
            ? HttpStatusCode.RequestEntityTooLarge
            : HttpStatusCode.Accepted;

        var exitCode = await harness.RunAsync(RuntimeHarness.Greet);

        exitCode.ShouldBe(2);
        var error = harness.Api.Posts.Last();
        error.Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/error");
        error.Headers["Lambda-Runtime-Function-Error-Type"].ShouldBe("Function.ResponseSizeTooLarge");
    }

    private static async Task<TestResult> ThrowingHandler(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }
}
