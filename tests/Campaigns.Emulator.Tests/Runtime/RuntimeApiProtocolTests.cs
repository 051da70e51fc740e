using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Campaigns.Emulator.Tests.Fakes;
using Campaigns.Testing;

namespace Campaigns.Emulator.Tests.Runtime;

/// <summary>The Runtime API, step by step, with the test itself playing the function on the slot's port.</summary>
public sealed class RuntimeApiProtocolTests
{
    private const int SixMegabytes = 6 * 1024 * 1024;

    [Fact]
    public async Task Next_WhenNothingIsInvoked_BlocksUntilARequestArrives()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var first = emulator.GetAsync("fake/1");
        await AnswerAsync(function, await function.NextAsync(), """{"statusCode":200,"body":"one"}""");
        (await first).ShouldBe((200, "one"));

        var waiting = function.NextAsync();
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).SingleOrDefault()?.State == FunctionProcessState.Idle, "the poll to park");

        waiting.IsCompleted.ShouldBeFalse();
        var second = emulator.GetAsync("fake/2");
        using var next = await waiting;
        using var lambdaEvent = JsonDocument.Parse(await next.Content.ReadAsStringAsync());
        lambdaEvent.RootElement.GetProperty("rawPath").GetString().ShouldBe("/fake/2");
        await AnswerAsync(function, next, """{"statusCode":200,"body":"two"}""");
        (await second).ShouldBe((200, "two"));
    }

    [Fact]
    public async Task Next_WhenInvoked_HandsOverEventWithLambdaHeaders()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.LaunchOverride = function.Launch;
            o.FunctionTimeout = TimeSpan.FromSeconds(7);
            o.FunctionEnvironment["AWS_REGION"] = "eu-west-1";
        });
        var before = DateTimeOffset.UtcNow;
        var call = emulator.GetAsync("fake/abc?x=1");

        using var next = await function.NextAsync();
        var after = DateTimeOffset.UtcNow;

        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        next.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        Guid.TryParse(Header(next, "Lambda-Runtime-Aws-Request-Id"), out _).ShouldBeTrue();
        Header(next, "Lambda-Runtime-Invoked-Function-Arn").ShouldBe("arn:aws:lambda:eu-west-1:000000000000:function:fake");
        Header(next, "Lambda-Runtime-Trace-Id").ShouldMatch("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$");
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Header(next, "Lambda-Runtime-Deadline-Ms"), CultureInfo.InvariantCulture));
        deadline.ShouldBeInRange(before.AddSeconds(6), after.AddSeconds(8));
        using var lambdaEvent = JsonDocument.Parse(await next.Content.ReadAsStringAsync());
        lambdaEvent.RootElement.GetProperty("version").GetString().ShouldBe("2.0");
        lambdaEvent.RootElement.GetProperty("pathParameters").GetProperty("id").GetString().ShouldBe("abc");
        await AnswerAsync(function, next, "{}");
        (await call).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Response_WithUnknownRequestId_Answers400()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        using var next = await function.NextAsync();

        using var unknown = await function.PostAsync("runtime/invocation/not-a-request/response", Encoding.UTF8.GetBytes("{}"));

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("InvalidRequestID");
        await AnswerAsync(function, next, "{}");
        (await call).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Response_WhenAlreadyAnswered_Answers400()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        using var next = await function.NextAsync();
        var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");
        await AnswerAsync(function, next, "{}");

        using var again = await function.PostAsync($"runtime/invocation/{requestId}/response", Encoding.UTF8.GetBytes("{}"));

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await call).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Response_OverSixMegabytes_Answers413AndLeavesInvocationInFlight()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        using var next = await function.NextAsync();
        var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");

        using var tooLarge = await function.PostAsync($"runtime/invocation/{requestId}/response", ResponseOfExactly(SixMegabytes + 1));
        using var atLimit = await function.PostAsync($"runtime/invocation/{requestId}/response", ResponseOfExactly(SixMegabytes));

        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        atLimit.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (status, body) = await call;
        status.ShouldBe(200);
        body.Length.ShouldBeGreaterThan(SixMegabytes - 100);
    }

    [Fact]
    public async Task Error_WhenPosted_CallerGets500AndErrorIsLogged()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        using var next = await function.NextAsync();
        var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");

        using var posted = await function.PostAsync(
            $"runtime/invocation/{requestId}/error",
            Encoding.UTF8.GetBytes("""{"errorMessage":"Table not found","errorType":"ResourceNotFoundException","stackTrace":[]}"""),
            "Runtime.UnhandledException");

        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await call).ShouldBe((500, """{"message":"Internal Server Error"}"""));
        emulator.Log.Text.ShouldContain($"fake: invocation {requestId} failed: Runtime.UnhandledException: ResourceNotFoundException: Table not found");
        emulator.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.FunctionError);
    }

    [Fact]
    public async Task Next_WhenPreviousInvocationUnanswered_FailsIt()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        using var next = await function.NextAsync();

        var nextAgain = function.NextAsync();

        (await call).Status.ShouldBe(500);
        emulator.Log.Text.ShouldContain("asked for the next invocation without answering");
        nextAgain.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task InitError_WhenPosted_PendingRequestGets500AndStubbornProcessIsKilled()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        await function.LaunchedAsync();

        using var posted = await function.PostAsync(
            "runtime/init/error",
            Encoding.UTF8.GetBytes("""{"errorMessage":"TABLE_NAME is not set","errorType":"InvalidOperationException"}"""),
            "Runtime.InitError");

        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await call).Status.ShouldBe(500);
        // The stand-in process (sleep) ignores the failure, so the emulator must kill it after its grace second.
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).Count == 0, "the failed process to be killed");
        emulator.Log.Text.ShouldContain("reported an init error: Runtime.InitError: InvalidOperationException: TABLE_NAME is not set");
        emulator.Log.Text.ShouldContain("INIT_REPORT Init Duration: ");
        emulator.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.InitFailed);
    }

    [Fact]
    public async Task FailNextInvocationPoll_WhenPollIsParked_AnswersIt500()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");
        await AnswerAsync(function, await function.NextAsync(), "{}");
        await call;
        var parked = function.NextAsync();
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).SingleOrDefault()?.State == FunctionProcessState.Idle, "the poll to park");

        emulator.Host.FailNextInvocationPoll(FakeFunctions.Echo);

        using var answer = await parked;
        answer.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        await Eventually.HoldsAsync(() => emulator.Processes(FakeFunctions.Echo).Count == 0, "the failed process to be killed");
    }

    [Fact]
    public async Task UnknownRuntimeApiPath_Answers404()
    {
        using var function = new InProcessFunction();
        await using var emulator = await TestEmulator.StartAsync(o => o.LaunchOverride = function.Launch);
        var call = emulator.GetAsync("fake/1");

        using var response = await function.Runtime.GetAsync(new Uri(await function.RuntimeApiAsync(), "runtime/unknown"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await AnswerAsync(function, await function.NextAsync(), "{}");
        (await call).Status.ShouldBe(200);
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    private static async Task AnswerAsync(InProcessFunction function, HttpResponseMessage next, string output)
    {
        var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");
        using var posted = await function.PostAsync($"runtime/invocation/{requestId}/response", Encoding.UTF8.GetBytes(output));
        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    /// <summary>A valid proxy response of exactly <paramref name="size"/> bytes.</summary>
    private static byte[] ResponseOfExactly(int size)
    {
        const string Prefix = "{\"statusCode\":200,\"body\":\"";
        const string Suffix = "\"}";
        return Encoding.ASCII.GetBytes(Prefix + new string('x', size - Prefix.Length - Suffix.Length) + Suffix);
    }
}
