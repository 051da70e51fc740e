using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeDeadlineTests
{
    [Fact]
    public async Task RunAsync_WhenHalfASecondBeforeDeadline_CancelsHandlerToken()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueInvocation("req-1", "{}", RuntimeHarness.Start.AddSeconds(10));
        var observed = new List<bool>();

        await harness.RunAsync((input, context, ct) =>
        {
            observed.Add(ct.IsCancellationRequested);
            harness.Time.Advance(TimeSpan.FromMilliseconds(9_499));
            observed.Add(ct.IsCancellationRequested);
            harness.Time.Advance(TimeSpan.FromMilliseconds(1));
            observed.Add(ct.IsCancellationRequested);
            return RuntimeHarness.Greet(input, context, ct);
        });

        observed.ShouldBe([false, false, true]);
    }

    [Fact]
    public async Task RunAsync_WhenLessThanMarginRemains_HandlerTokenIsAlreadyCancelled()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueInvocation("req-1", "{}", RuntimeHarness.Start.AddMilliseconds(400));
        bool? cancelled = null;

        await harness.RunAsync((input, context, ct) =>
        {
            cancelled = ct.IsCancellationRequested;
            return RuntimeHarness.Greet(input, context, ct);
        });

        cancelled.ShouldBe(true);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerStopsOnDeadlineCancellation_PostsError()
    {
        using var harness = new RuntimeHarness();
        harness.Api.EnqueueInvocation("req-1", "{}", RuntimeHarness.Start.AddSeconds(10));

        await harness.RunAsync(async (_, _, ct) =>
        {
            var waiting = Task.Delay(Timeout.Infinite, ct);
            harness.Time.Advance(TimeSpan.FromSeconds(10));
            await waiting;
            return new TestResult();
        });

        var post = harness.Api.Posts.ShouldHaveSingleItem();
        post.Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/error");
        using var body = post.ParseBody();
        body.RootElement.GetProperty("errorType").GetString().ShouldBe("System.Threading.Tasks.TaskCanceledException");
    }
}
