using System.Net;
using System.Text.Json;
using Campaigns.Emulator.Hosting;
using Campaigns.EndToEnd.Tests.Faults;
using Campaigns.Hosting.Json;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>The Lambda Runtime API contract of the AOT binaries: errors, bad events, trace propagation.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ProtocolTests
{
    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("\"just text\"")]
    [InlineData("{\"version\":\"2.0\",\"headers\":42}")]
    public async Task UndeserializableEvent_PostsSerializationError_AndProcessKeepsServing(string eventJson)
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Forward, TimeSpan.FromSeconds(10));

        var result = await rig.Host.InvokeRawAsync("get_campaign", eventJson);
        using var after = await rig.Client.GetAsync("/v1.0/campaigns/AFTER-1");

        result.Status.ShouldBe(InvocationStatus.FunctionError);
        result.ErrorType.ShouldBe("Runtime.SerializationError");
        using var error = JsonDocument.Parse(result.ErrorBody!);
        error.RootElement.GetProperty("errorMessage").GetString().ShouldNotBeNullOrEmpty();
        error.RootElement.GetProperty("errorType").GetString().ShouldNotBeNullOrEmpty();
        error.RootElement.GetProperty("stackTrace").ValueKind.ShouldBe(JsonValueKind.Array);
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        rig.Host.Reports[^1].ProcessId.ShouldBe(result.ProcessId);
    }

    [Theory]
    [InlineData("{\"foo\":1}")]
    [InlineData("{\"version\":\"1.0\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}")]
    public async Task EventThatIsNotAnHttpApiPayload_PostsInvalidEvent_AndProcessKeepsServing(string eventJson)
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Forward, TimeSpan.FromSeconds(10));

        var result = await rig.Host.InvokeRawAsync("get_campaign", eventJson);
        var again = await rig.Host.InvokeRawAsync("get_campaign", HttpEvent("AGAIN-1"));

        result.Status.ShouldBe(InvocationStatus.FunctionError);
        result.ErrorType.ShouldBe("Runtime.InvalidEvent");
        again.Status.ShouldBe(InvocationStatus.Success);
        again.ProcessId.ShouldBe(result.ProcessId);
    }

    [Fact]
    public async Task TraceHeader_ReachesXAmznTraceId_AndTheSdkForwardsIt()
    {
        await using var rig = await FaultRig.StartAsync(ProxyMode.Forward, TimeSpan.FromSeconds(10));

        var result = await rig.Host.InvokeRawAsync("get_campaign", HttpEvent("TRACE-1"));

        result.Status.ShouldBe(InvocationStatus.Success);
        // The AWS SDK copies _X_AMZN_TRACE_ID into the X-Amzn-Trace-Id header of its calls inside Lambda,
        // so the header seen by DynamoDB proves the runtime set the variable for this invocation.
        rig.Proxy.Recorded.ShouldContain(result.TraceId);
    }

    private static string HttpEvent(string code) =>
        JsonSerializer.Serialize(Requests.Get(code), CampaignsJsonContext.Default.HttpApiRequest);
}
