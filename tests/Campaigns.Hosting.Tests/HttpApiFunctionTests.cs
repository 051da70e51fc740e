using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Domain.Storage;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Logging;
using Campaigns.Lambda.Metrics;
using Campaigns.Lambda.Runtime;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Hosting.Tests;

public sealed class HttpApiFunctionTests : IDisposable
{
    private static readonly LambdaContext Context = new("req-1", Samples.Now.AddSeconds(10), "arn:aws:lambda:eu-west-1:123456789012:function:get", null, "get");
    private readonly StringWriter _log = new();

    public static TheoryData<Exception> TransientFailures() => new()
    {
        new ProvisionedThroughputExceededException("Rate of requests exceeds the allowed throughput.") { ErrorCode = "ProvisionedThroughputExceededException" },
        new AmazonDynamoDBExceptionStub("ThrottlingException", HttpStatusCode.BadRequest),
        new AmazonDynamoDBExceptionStub("InternalServerError", HttpStatusCode.InternalServerError),
        new HttpRequestException("Connection refused (127.0.0.1:8000)", new SocketException((int)SocketError.ConnectionRefused)),
        new AmazonClientException("Unable to connect", new HttpRequestException("refused")),
        new OperationCanceledException("deadline"),
    };

    [Fact]
    public async Task WarmUp_ProbesTheEndpointsOperationOnce()
    {
        var store = new FakeCampaignStore();
        var endpoint = new FixedEndpoint(new HttpApiResponse { StatusCode = 200 }, StoreOperation.List);

        await Function(endpoint, store).WarmUpAsync(default);

        store.Probed.ShouldBe([StoreOperation.List]);
    }

    [Fact]
    public async Task WarmUp_EndsOnlyWhenTheProbeEnds()
    {
        var probing = new TaskCompletionSource();
        var probe = new GatedProbe(probing.Task);

        Task warmUp = Function(new FixedEndpoint(new HttpApiResponse { StatusCode = 200 }), probe).WarmUpAsync(default);
        bool endedBeforeProbe = warmUp.IsCompleted;
        probing.SetResult();
        await warmUp;

        endedBeforeProbe.ShouldBeFalse();
        probe.Probes.ShouldBe(1);
    }

    [Fact]
    public async Task WarmUp_WhenProbeFails_FailsWithThatError()
    {
        var failure = new InvalidOperationException("probe failed");
        var function = Function(new FixedEndpoint(new HttpApiResponse { StatusCode = 200 }), new ThrowingProbe(failure));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => function.WarmUpAsync(default));

        error.ShouldBeSameAs(failure);
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Handle_WhenStoreUnavailable_Returns503WithRetryAfterAndNoDetails(Exception failure)
    {
        var function = Function(new ThrowingEndpoint(failure));

        var response = await function.HandleAsync(Requests.Get("X"), Context, default);

        response.StatusCode.ShouldBe(503);
        response.Headers!["retry-after"].ShouldBe("1");
        response.Headers["content-type"].ShouldBe("application/problem+json");
        response.Body!.ShouldNotContain(failure.Message);
    }

    [Fact]
    public async Task Handle_WhenUnexpectedError_Returns500WithoutExceptionTextButLogsIt()
    {
        var function = Function(new ThrowingEndpoint(new InvalidOperationException("table campaigns-prod exploded")));

        var response = await function.HandleAsync(Requests.Get("X"), Context, default);

        response.StatusCode.ShouldBe(500);
        string body = response.Body.ShouldNotBeNull();
        body.ShouldNotContain("campaigns-prod");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldContain("\"status\":500");
        _log.ToString().ShouldContain("InvalidOperationException");
    }

    [Fact]
    public async Task Handle_WhenEventIsNotPayload2_ThrowsInvalidEvent()
    {
        var function = Function(new ThrowingEndpoint(new InvalidOperationException()));
        var request = Requests.Get("X");
        request.Version = "1.0";

        await Should.ThrowAsync<InvalidEventException>(() => function.HandleAsync(request, Context, default));
    }

    [Fact]
    public async Task Handle_WhenEventHasNoHttpContext_ThrowsInvalidEvent()
    {
        var function = Function(new ThrowingEndpoint(new InvalidOperationException()));

        await Should.ThrowAsync<InvalidEventException>(() => function.HandleAsync(new HttpApiRequest(), Context, default));
    }

    [Fact]
    public async Task Handle_OnWrite_AddsNoStoreAndNoSniff()
    {
        var function = Function(new FixedEndpoint(new HttpApiResponse { StatusCode = 204 }));

        var response = await function.HandleAsync(Requests.Delete("X"), Context, default);

        response.Headers!["cache-control"].ShouldBe("no-store");
        response.Headers["x-content-type-options"].ShouldBe("nosniff");
    }

    [Fact]
    public async Task Handle_OnRead_AddsNoSniffOnly()
    {
        var function = Function(new FixedEndpoint(new HttpApiResponse { StatusCode = 200, Body = "{}" }));

        var response = await function.HandleAsync(Requests.Get("X"), Context, default);

        response.Headers!.ShouldContainKey("x-content-type-options");
        response.Headers!.ShouldNotContainKey("cache-control");
    }

    [Fact]
    public async Task Handle_LogsRouteAndStatusButNeverBodyOrAuthorization()
    {
        var function = Function(new FixedEndpoint(new HttpApiResponse { StatusCode = 201 }));
        var request = Requests.Post(null, new() { ["authorization"] = "Bearer secret-token" }).WithBody("{\"description\":\"private words\"}");

        await function.HandleAsync(request, Context, default);

        string log = _log.ToString();
        log.ShouldContain("\"message\":\"POST /v1.0/campaigns 201\"");
        log.ShouldNotContain("private words");
        log.ShouldNotContain("secret-token");
    }

    [Fact]
    public async Task Handle_WhenUnexpectedError_CountsThe500ByVersion()
    {
        var function = CountingFunction(new ThrowingEndpoint(new InvalidOperationException("bug")));

        await function.HandleAsync(Requests.Get("X"), Context, default);

        MetricLines().ShouldBe([
            "{\"level\":\"ERROR\",\"FunctionName\":\"test\",\"Version\":\"8\",\"Http5xx\":1,"
            + "\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"Campaigns\",\"Dimensions\":[[\"FunctionName\",\"Version\"]],"
            + "\"Metrics\":[{\"Name\":\"Http5xx\",\"Unit\":\"Count\"}]}],\"Timestamp\":1749983400123},"
            + "\"statusCode\":500,\"requestId\":null}",
        ]);
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Handle_WhenStoreUnavailable_CountsThe503(Exception failure)
    {
        await CountingFunction(new ThrowingEndpoint(failure)).HandleAsync(Requests.Get("X"), Context, default);

        MetricLines().ShouldHaveSingleItem().ShouldContain("\"Http5xx\":1,");
        MetricLines()[0].ShouldContain("\"statusCode\":503,");
    }

    [Theory]
    [InlineData(400, "Http4xx")]
    [InlineData(404, "Http4xx")]
    [InlineData(412, "Http4xx")]
    [InlineData(500, "Http5xx")]
    public async Task Handle_WhenEndpointAnswersAnError_CountsIt(int statusCode, string metric)
    {
        await CountingFunction(new FixedEndpoint(new HttpApiResponse { StatusCode = statusCode })).HandleAsync(Requests.Get("X"), Context, default);

        MetricLines().ShouldHaveSingleItem().ShouldContain($"\"{metric}\":1,");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(304)]
    public async Task Handle_WhenEndpointSucceeds_CountsNothing(int statusCode)
    {
        await CountingFunction(new FixedEndpoint(new HttpApiResponse { StatusCode = statusCode })).HandleAsync(Requests.Get("X"), Context, default);

        MetricLines().ShouldBeEmpty();
    }

    [Fact]
    public async Task Handle_WhenEventIsRefused_CountsA500BeforeThrowing()
    {
        var function = CountingFunction(new FixedEndpoint(new HttpApiResponse { StatusCode = 200 }));
        var request = Requests.Get("X");
        request.Version = "1.0";

        await Should.ThrowAsync<InvalidEventException>(() => function.HandleAsync(request, Context, default));
        await Should.ThrowAsync<InvalidEventException>(() => function.HandleAsync(new HttpApiRequest(), Context, default));

        MetricLines().Count.ShouldBe(2);
        MetricLines().ShouldAllBe(line => line.Contains("\"Http5xx\":1,") && line.Contains("\"statusCode\":500,"));
    }

    public void Dispose() => _log.Dispose();

    private List<string> MetricLines() =>
        [.. _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Contains("\"_aws\""))];

    private HttpApiFunction Function(IHttpEndpoint endpoint, IStoreProbe? probe = null) =>
        new(endpoint, probe ?? new FakeCampaignStore(), Logger());

    private HttpApiFunction CountingFunction(IHttpEndpoint endpoint)
    {
        var environment = new RecordingEnvironment();
        environment.SetValue("AWS_LAMBDA_FUNCTION_VERSION", "8");
        var logger = Logger();
        return new(endpoint, new FakeCampaignStore(), logger, new ResponseStatusMetric("Campaigns", logger, environment, new FakeTimeProvider(Samples.Now)));
    }

    private LambdaLogger Logger() => new(_log, LogFormat.Json, LogLevel.Information, "test", new FakeTimeProvider(Samples.Now));

    private sealed class ThrowingEndpoint(Exception failure) : IHttpEndpoint
    {
        public StoreOperation StoreOperation => StoreOperation.Get;

        public SuccessBody SuccessBody => SuccessBody.Campaign;

        public Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken) => Task.FromException<HttpApiResponse>(failure);
    }

    private sealed class FixedEndpoint(HttpApiResponse response, StoreOperation operation = StoreOperation.Get) : IHttpEndpoint
    {
        public StoreOperation StoreOperation => operation;

        public SuccessBody SuccessBody => SuccessBody.Campaign;

        public Task<HttpApiResponse> HandleAsync(HttpApiRequest request, CancellationToken cancellationToken) => Task.FromResult(response);
    }

    private sealed class GatedProbe(Task probing) : IStoreProbe
    {
        public int Probes { get; private set; }

        public Task ProbeAsync(StoreOperation operation, CancellationToken cancellationToken)
        {
            Probes++;
            return probing;
        }
    }

    private sealed class ThrowingProbe(Exception failure) : IStoreProbe
    {
        public Task ProbeAsync(StoreOperation operation, CancellationToken cancellationToken) => Task.FromException(failure);
    }

    private sealed class AmazonDynamoDBExceptionStub : Amazon.DynamoDBv2.AmazonDynamoDBException
    {
        public AmazonDynamoDBExceptionStub(string errorCode, HttpStatusCode status)
            : base("service said no")
        {
            ErrorCode = errorCode;
            StatusCode = status;
        }
    }
}
