using Campaigns.Lambda.Tests.Fakes;
using Campaigns.Testing;

namespace Campaigns.Lambda.Tests.Runtime;

public sealed class LambdaRuntimeWarmUpTests
{
    [Fact]
    public async Task RunAsync_WhenHandlerWarmsUp_FinishesWarmUpBeforeFetchingTheFirstInvocation()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");
        int requestsSeenByWarmUp = -1;

        await harness.RunAsync(() => new WarmingHandler(async _ =>
        {
            await Task.Yield();
            requestsSeenByWarmUp = harness.Api.Requests.Count;
        }));

        requestsSeenByWarmUp.ShouldBe(0);
        harness.Api.Posts.ShouldHaveSingleItem().Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/response");
    }

    [Fact]
    public async Task RunAsync_WhenWarmUpFails_LogsTheTypeOnlyAndServes()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");

        await harness.RunAsync(() => new WarmingHandler(_ => throw new InvalidOperationException("db.internal.example refused")));

        var warning = harness.LogEntries().Where(e => e.Level == "WARN").ShouldHaveSingleItem();
        warning.Message.ShouldContain("InvalidOperationException");
        warning.Message.ShouldNotContain("db.internal.example");
        harness.Api.Posts.ShouldHaveSingleItem().Body.ShouldBe("""{"greeting":"Hello Ada"}""");
    }

    [Fact]
    public async Task RunAsync_WhenWarmUpNeverEnds_GivesUpAtTheLimitAndServes()
    {
        using var harness = new RuntimeHarness();
        harness.EnqueueInvocation("req-1");
        var warmUpToken = new TaskCompletionSource<CancellationToken>();
        var neverEnds = new TaskCompletionSource();

        // Nothing before the warm-up's wait yields, so the limit's timer exists once RunAsync returns.
        var run = harness.RunAsync(() => new WarmingHandler(token =>
        {
            warmUpToken.TrySetResult(token);
            return neverEnds.Task; // ignores its token on purpose
        }));
        var token = await warmUpToken.Task;
        harness.Time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        bool endedBeforeTheLimit = run.IsCompleted;
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));

        await run.WaitAsync(Eventually.Limit);
        endedBeforeTheLimit.ShouldBeFalse();
        harness.Api.Posts.ShouldHaveSingleItem().Path.ShouldBe("/2018-06-01/runtime/invocation/req-1/response");
        harness.LogEntries().ShouldContain(e => e.Level == "WARN" && e.Message.Contains("TimeoutException"));
        token.IsCancellationRequested.ShouldBeTrue();
    }
}
