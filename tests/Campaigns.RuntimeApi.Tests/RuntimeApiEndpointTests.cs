using System.Net;
using System.Text;

namespace Campaigns.RuntimeApi.Tests;

/// <summary>The protocol over a real loopback socket, with the queued backend behind it.</summary>
public sealed class RuntimeApiEndpointTests : IAsyncLifetime, IDisposable
{
    private const string Base = "/2018-06-01/runtime/";
    private static readonly DateTimeOffset Deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_740_830_400_123);
    private readonly QueuedRuntimeApiBackend _backend = new();
    private readonly HttpClient _http = new();
    private RuntimeApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RuntimeApiServer.StartAsync([_backend]);
        _http.BaseAddress = new Uri($"http://127.0.0.1:{_server.Ports[0]}{Base}");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Next_WhenInvocationQueued_Returns200WithHeadersAndEvent()
    {
        _backend.Enqueue(Invocation("req-1"));

        using var response = await _http.GetAsync("invocation/next");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "Lambda-Runtime-Aws-Request-Id").ShouldBe("req-1");
        Header(response, "Lambda-Runtime-Deadline-Ms").ShouldBe("1740830400123");
        Header(response, "Lambda-Runtime-Invoked-Function-Arn").ShouldBe("arn:aws:lambda:eu-west-1:000000000000:function:f");
        Header(response, "Lambda-Runtime-Trace-Id").ShouldBe("Root=1-abc");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"name":"Ada"}""");
    }

    [Fact]
    public async Task Next_WhenBackendFaults_Returns500()
    {
        using var response = await _http.GetAsync("invocation/next");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Response_WhenInFlight_Returns202AndHandsBodyToBackend()
    {
        await StartInvocationAsync("req-1");

        using var response = await _http.PostAsync("invocation/req-1/response", new StringContent("""{"ok":true}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var (requestId, result) = _backend.Results.ShouldHaveSingleItem();
        requestId.ShouldBe("req-1");
        result.IsError.ShouldBeFalse();
        result.ErrorType.ShouldBeNull();
        Encoding.UTF8.GetString(result.Body).ShouldBe("""{"ok":true}""");
    }

    [Fact]
    public async Task Response_WhenRequestIdNotInFlight_Returns400()
    {
        await StartInvocationAsync("req-1");

        using var response = await _http.PostAsync("invocation/other/response", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _backend.Results.ShouldBeEmpty();
    }

    [Fact]
    public async Task Response_WhenOverSixMegabytes_Returns413AndStaysInFlight()
    {
        await StartInvocationAsync("req-1");

        using var tooLarge = await _http.PostAsync(
            "invocation/req-1/response", new ByteArrayContent(new byte[RuntimeApiEndpoint.MaxPayloadBytes + 1]));
        using var error = await _http.PostAsync("invocation/req-1/error", new StringContent("{}"));

        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        error.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("Function.Boom", "Function.Boom")]
    [InlineData(null, "Runtime.Unknown")]
    public async Task Error_WhenPosted_HandsErrorTypeToBackend(string? header, string expected)
    {
        await StartInvocationAsync("req-1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "invocation/req-1/error") { Content = new StringContent("{}") };
        if (header is not null)
        {
            request.Headers.Add("Lambda-Runtime-Function-Error-Type", header);
        }

        using var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var result = _backend.Results.ShouldHaveSingleItem().Result;
        result.IsError.ShouldBeTrue();
        result.ErrorType.ShouldBe(expected);
    }

    [Fact]
    public async Task InitError_WhenPosted_Returns202()
    {
        using var response = await _http.PostAsync("init/error", new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        _backend.Calls.ShouldBe(["init/error"]);
    }

    [Theory]
    [InlineData("POST", "invocation/next", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "invocation/unknown", HttpStatusCode.NotFound)]
    public async Task Request_WhenNotARuntimeApiCall_IsRefused(string method, string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(expected);
        _backend.Calls.ShouldBeEmpty();
    }

    private async Task StartInvocationAsync(string requestId)
    {
        _backend.Enqueue(Invocation(requestId));
        using var next = await _http.GetAsync("invocation/next");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static NextInvocation Invocation(string requestId) => new(
        requestId, """{"name":"Ada"}"""u8.ToArray(), Deadline, "arn:aws:lambda:eu-west-1:000000000000:function:f", "Root=1-abc");

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
