namespace Campaigns.RuntimeApi.Tests;

public sealed class RuntimeApiRouteTests
{
    [Theory]
    [InlineData("GET", "/2018-06-01/runtime/invocation/next", nameof(RuntimeApiCall.Next), "")]
    [InlineData("POST", "/2018-06-01/runtime/invocation/abc-1/response", nameof(RuntimeApiCall.Response), "abc-1")]
    [InlineData("POST", "/2018-06-01/runtime/invocation/abc-1/error", nameof(RuntimeApiCall.Error), "abc-1")]
    [InlineData("POST", "/2018-06-01/runtime/init/error", nameof(RuntimeApiCall.InitError), "")]
    [InlineData("POST", "/2018-06-01/runtime/invocation/next", nameof(RuntimeApiCall.MethodNotAllowed), "")]
    [InlineData("GET", "/2018-06-01/runtime/invocation/abc-1/response", nameof(RuntimeApiCall.MethodNotAllowed), "abc-1")]
    [InlineData("POST", "/2018-06-01/runtime/invocation//response", nameof(RuntimeApiCall.Unknown), "")]
    [InlineData("GET", "/2020-01-01/runtime/invocation/next", nameof(RuntimeApiCall.Unknown), "")]
    [InlineData("GET", "/", nameof(RuntimeApiCall.Unknown), "")]
    public void Parse_RecognisesRuntimeApiCalls(string method, string path, string call, string requestId)
    {
        RuntimeApiRoute.Parse(method, path).ShouldBe(new RuntimeApiRoute(Enum.Parse<RuntimeApiCall>(call), requestId));
    }
}
