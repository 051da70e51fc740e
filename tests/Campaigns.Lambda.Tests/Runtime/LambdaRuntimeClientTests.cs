using System.Net;
using Campaigns.Lambda.Runtime;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeClientTests
{
    private static readonly byte[] ResultBody = """{"greeting":"hi"}"""u8.ToArray();

    [Fact]
    public async Task Next_WhenDeadlineHeaderPresent_SetsContextDeadline()
    {
        using var harness = new RuntimeHarness();
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_740_830_400_123);
        harness.Api.EnqueueInvocation("req-1", "{}", deadline);

        var invocation = await harness.Client.GetNextInvocationAsync(CancellationToken.None);

        invocation.Context.Deadline.ShouldBe(deadline);
    }

    [Fact]
    public async Task Next_WhenInvocationServed_ReadsHeadersAndBody()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueInvocation("req-1", """{"name":"Ada"}""", RuntimeHarness.Start, "Root=1-abc");

        var invocation = await harness.Client.GetNextInvocationAsync(CancellationToken.None);

        harness.Api.Requests.ShouldHaveSingleItem().Path.ShouldBe("/2018-06-01/runtime/invocation/next");
        invocation.Context.RequestId.ShouldBe("req-1");
        invocation.Context.InvokedFunctionArn.ShouldBe(FakeRuntimeApiHandler.FunctionArn);
        invocation.Context.TraceId.ShouldBe("Root=1-abc");
        invocation.Context.FunctionName.ShouldBe(RuntimeHarness.FunctionName);
        invocation.Body.ToArray().ShouldBe("""{"name":"Ada"}"""u8.ToArray());
    }

    [Fact]
    public async Task Next_WhenDeadlineHeaderMissing_TreatsDeadlineAsUnbounded()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueNext(() => WithRequestId(new HttpResponseMessage(HttpStatusCode.OK)));

        var invocation = await harness.Client.GetNextInvocationAsync(CancellationToken.None);

        invocation.Context.Deadline.ShouldBe(DateTimeOffset.MaxValue);
        invocation.Context.TraceId.ShouldBeNull();
    }

    [Fact]
    public async Task Next_WhenRequestIdHeaderMissing_ThrowsRuntimeApiException()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueNext(() => new HttpResponseMessage(HttpStatusCode.OK));

        await Should.ThrowAsync<RuntimeApiException>(() => harness.Client.GetNextInvocationAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Next_WhenNotSuccessful_ThrowsRuntimeApiException(HttpStatusCode status)
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueNext(() => new HttpResponseMessage(status));

        var exception = await Should.ThrowAsync<RuntimeApiException>(
            () => harness.Client.GetNextInvocationAsync(CancellationToken.None));

        exception.StatusCode.ShouldBe(status);
    }

    [Fact]
    public async Task PostResponse_WhenAccepted_PostsBodyToInvocationResponsePath()
    {
        using var harness = new RuntimeHarness();

        await harness.Client.PostResponseAsync("req/1", ResultBody, CancellationToken.None);

        var post = harness.Api.Posts.ShouldHaveSingleItem();
        post.Path.ShouldBe("/2018-06-01/runtime/invocation/req%2F1/response");
        post.Body.ShouldBe("""{"greeting":"hi"}""");
        post.Headers["Content-Type"].ShouldBe("application/json");
    }

    [Fact]
    public async Task PostResponse_WhenTooLarge_PostsResponseSizeTooLargeErrorOnce()
    {
        using var harness = new RuntimeHarness();
        harness.Api.PostStatus = _ => HttpStatusCode.RequestEntityTooLarge;

        await harness.Client.PostResponseAsync("req-1", ResultBody, CancellationToken.None);

        var posts = harness.Api.Posts.ToList();
        posts.Count.ShouldBe(2);
        posts[1].Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/error");
        posts[1].Headers["Lambda-Runtime-Function-Error-Type"].ShouldBe("Function.ResponseSizeTooLarge");
        using var body = posts[1].ParseBody();
        body.RootElement.GetProperty("errorType").GetString().ShouldBe("Function.ResponseSizeTooLarge");
    }

    [Fact]
    public async Task PostError_WhenCalled_SendsErrorTypeHeaderContentTypeAndPayload()
    {
        using var harness = new RuntimeHarness();

        await harness.Client.PostErrorAsync(
            "req-1", "Runtime.UnhandledException", new InvalidOperationException("boom"), CancellationToken.None);

        var post = harness.Api.Posts.ShouldHaveSingleItem();
        using var body = post.ShouldBeErrorPost("req-1", "Runtime.UnhandledException", "boom", typeof(InvalidOperationException));
        body.RootElement.GetProperty("stackTrace").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PostError_WhenRejectedWith400_LogsWarningAndDoesNotThrow()
    {
        using var harness = new RuntimeHarness();
        harness.Api.PostStatus = _ => HttpStatusCode.BadRequest;

        await harness.Client.PostErrorAsync("req-1", "Runtime.UnhandledException", new InvalidOperationException(), CancellationToken.None);

        harness.LogEntries().ShouldHaveSingleItem().Level.ShouldBe("WARN");
    }

    [Fact]
    public async Task PostInitError_WhenRuntimeApiAnswers500_ThrowsRuntimeApiException()
    {
        using var harness = new RuntimeHarness();
        harness.Api.PostStatus = _ => HttpStatusCode.InternalServerError;

        await Should.ThrowAsync<RuntimeApiException>(() => harness.Client.PostInitErrorAsync(
            "Runtime.InitError", new InvalidOperationException(), CancellationToken.None));

        harness.Api.Posts.ShouldHaveSingleItem().Path.ShouldBe("/2018-06-01/runtime/init/error");
    }

    private static HttpResponseMessage WithRequestId(HttpResponseMessage response)
    {
        response.Headers.Add("Lambda-Runtime-Aws-Request-Id", "req-1");
        return response;
    }
}
