using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Campaigns.Emulator.Hosting;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests.Faults;

/// <summary>The AOT binaries under faults: a clear 503/500 within the deadline, the process survives, nothing half-written.</summary>
[Trait("Category", "EndToEnd")]
public sealed class FaultTests
{
    private static readonly string Token = Jwt.Bearer(new JsonObject { ["sub"] = "fault-tester", ["scope"] = Samples.WriteScope });

    [Fact]
    public async Task DynamoDbRefusesConnections_Returns503WithRetryAfter_AndProcessKeepsServing()
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Forward, TimeSpan.FromSeconds(10), options =>
            options.FunctionEnvironment["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:1");

        using var first = await rig.Client.GetAsync("/v1.0/campaigns/ANY-1");
        using var second = await rig.Client.GetAsync("/v1.0/campaigns/ANY-1");

        await ShouldBeUnavailableProblemAsync(first);
        await ShouldBeUnavailableProblemAsync(second);
        var reports = rig.Host.Reports.Where(r => r.FunctionName == "get_campaign").ToList();
        reports.Count.ShouldBe(2);
        reports[1].ColdStart.ShouldBeFalse();
        reports[1].ProcessId.ShouldBe(reports[0].ProcessId);
    }

    [Fact]
    public async Task DynamoDbStalls_CallIsCancelledBeforeTheDeadline_Returns503()
    {
        await using var rig = await FaultRig.StartAsync(FaultRig.Emulated ? ProxyMode.Throttle : ProxyMode.Stall, TimeSpan.FromSeconds(3));
        if (FaultRig.Emulated)
        {
            // Under qemu, code is translated the first time it runs, and the first run of the error path
            // alone can outlast the margin between the cancellation and the deadline. A throttled call
            // runs that path first, so what is timed is the function, not the translator; natively the
            // stall meets a cold process.
            using var throttled = await rig.Client.GetAsync("/v1.0/campaigns/STALL-1");
            await ShouldBeUnavailableProblemAsync(throttled);
            rig.Proxy.Mode = ProxyMode.Stall;
        }

        using var response = await rig.Client.GetAsync("/v1.0/campaigns/STALL-1");

        // Success (not TimedOut) means the function answered before the emulator's function timeout.
        rig.Host.Reports.Count.ShouldBe(FaultRig.Emulated ? 2 : 1);
        var report = rig.Host.Reports[^1];
        report.Status.ShouldBe(InvocationStatus.Success, $"{report.DurationMs:F0} ms after the event was handed over");
        await ShouldBeUnavailableProblemAsync(response);
    }

    [Fact]
    public async Task DynamoDbThrottles_Returns503WithRetryAfter_AfterBoundedRetries_AndWritesNothing()
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Throttle, TimeSpan.FromSeconds(10));

        using var response = await rig.Client.SendAsync(Post("THROTTLED-1"));

        await ShouldBeUnavailableProblemAsync(response);
        rig.Proxy.Requests.ShouldBeInRange(1, 10);
        rig.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.Success);
        var scan = await rig.Table.Client.ScanAsync(new ScanRequest { TableName = rig.Table.Name });
        scan.Count.ShouldBe(0);
    }

    [Fact]
    public async Task ProcessKilledMidInvocation_Returns500_AndNextRequestColdStarts()
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Stall, TimeSpan.FromSeconds(20));
        var inFlight = rig.Client.GetAsync("/v1.0/campaigns/KILL-1");
        await Eventually.HoldsAsync(() => rig.Host.GetProcesses().Any(p => p.FunctionName == "get_campaign" && p.State == FunctionProcessState.Busy), "get_campaign to be busy");

        (await rig.Host.KillFunctionProcessesAsync("get_campaign")).ShouldBe(1);
        using var killed = await inFlight;
        rig.Proxy.Mode = ProxyMode.Forward;
        using var next = await rig.Client.GetAsync("/v1.0/campaigns/KILL-1");

        killed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await killed.Content.ReadAsStringAsync()).ShouldBe("{\"message\":\"Internal Server Error\"}");
        next.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var reports = rig.Host.Reports;
        reports[0].Status.ShouldBe(InvocationStatus.Crashed);
        reports[1].ColdStart.ShouldBeTrue();
        rig.Output.ToString().ShouldContain("exited");
    }

    [Fact]
    public async Task RuntimeApiAnswers500_ProcessExitsPromptly_AndIsReplaced()
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Forward, TimeSpan.FromSeconds(10));
        using (await rig.Client.GetAsync("/v1.0/campaigns/FIRST-1"))
        {
        }

        rig.Host.FailNextInvocationPoll("get_campaign");
        await Eventually.HoldsAsync(() => !rig.Host.GetProcesses().Any(p => p.FunctionName == "get_campaign"), "the failed process to exit");
        using var after = await rig.Client.GetAsync("/v1.0/campaigns/FIRST-1");

        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        rig.Host.Reports[^1].ColdStart.ShouldBeTrue();
    }

    [Fact]
    public async Task InitFailsWithoutTableName_IsReportedAndTheProcessExits()
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Forward, TimeSpan.FromSeconds(10), options =>
            options.FunctionEnvironment.Remove("TABLE_NAME"));

        using var response = await rig.Client.GetAsync("/v1.0/campaigns/INIT-1");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        rig.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.InitFailed);
        await Eventually.HoldsAsync(() => !rig.Host.GetProcesses().Any(p => p.FunctionName == "get_campaign"), "the process to exit");
        rig.Output.ToString().ShouldContain("TABLE_NAME");
    }

    private static HttpRequestMessage Post(string code)
    {
        var body = CampaignLifecycleTests.Body(code);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/campaigns") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("authorization", Token);
        return request;
    }

    private static async Task ShouldBeUnavailableProblemAsync(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter.ShouldNotBeNull();
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("campaigns-test");
    }
}
