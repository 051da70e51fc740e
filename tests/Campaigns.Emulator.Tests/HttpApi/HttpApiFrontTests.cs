using System.Text;
using System.Text.Json;
using Campaigns.Emulator.Functions;
using Campaigns.Emulator.HttpApi;
using Campaigns.Emulator.Reporting;
using Campaigns.Emulator.Runtime;
using Campaigns.Emulator.Tests.Fakes;
using Campaigns.Testing;
using static Campaigns.Emulator.Tests.HttpApi.EventBuilding;

namespace Campaigns.Emulator.Tests.HttpApi;

public sealed class HttpApiFrontTests : IDisposable
{
    private static readonly FunctionDefinition GetCampaign =
        new("get_campaign", "GET", RouteTemplate.Parse("/v1.0/campaigns/{code}"), RequiresJwt: false);

    private static readonly FunctionDefinition CreateCampaign =
        new("create_campaign", "POST", RouteTemplate.Parse("/v1.0/campaigns"), RequiresJwt: true);

    private readonly LogWriter _log = new();

    [Fact]
    public async Task RespondAsync_WhenNoRouteMatches_Returns404NotFound()
    {
        var (front, invoker) = Front(Ok("{}"));

        var response = await front.RespondAsync(Request("/v1.0/other"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(404);
        Encoding.UTF8.GetString(response.Body).ShouldBe("""{"message":"Not Found"}""");
        invoker.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RespondAsync_WhenMethodHasNoRoute_Returns404()
    {
        var (front, _) = Front(Ok("{}"));

        var response = await front.RespondAsync(Request("/v1.0/campaigns/A1B", method: "DELETE"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task RespondAsync_OnJwtRouteWithoutToken_Returns401WithoutInvoking()
    {
        var (front, invoker) = Front(Ok("{}"));

        var response = await front.RespondAsync(Request("/v1.0/campaigns", method: "POST"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(401);
        Encoding.UTF8.GetString(response.Body).ShouldBe("""{"message":"Unauthorized"}""");
        invoker.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task RespondAsync_OnJwtRouteWithUndecodableToken_Returns401()
    {
        var (front, _) = Front(Ok("{}"));

        var response = await front.RespondAsync(
            Request("/v1.0/campaigns", [("Authorization", "Bearer not-a-jwt")], method: "POST"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task RespondAsync_OnJwtRouteWithToken_PassesClaimsToFunction()
    {
        var (front, invoker) = Front(Ok("""{"statusCode":201}"""));
        var token = Jwt.Token("""{"sub":"u-1","email":"ada@example.com"}""");

        var response = await front.RespondAsync(
            Request("/v1.0/campaigns", [("Authorization", "Bearer " + token)], method: "POST"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(201);
        using var lambdaEvent = JsonDocument.Parse(invoker.Requests.ShouldHaveSingleItem().Event);
        lambdaEvent.RootElement.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt")
            .GetProperty("claims").GetProperty("email").GetString().ShouldBe("ada@example.com");
    }

    [Fact]
    public async Task RespondAsync_PassesTraceHeaderWithTheEventsTraceRoot()
    {
        var (front, invoker) = Front(Ok("{}"));

        await front.RespondAsync(Request("/v1.0/campaigns/A1B"), Stamp, CancellationToken.None);

        invoker.Requests.ShouldHaveSingleItem().TraceId
            .ShouldMatch($"^Root={Stamp.TraceRoot};Parent=[0-9a-f]{{16}};Sampled=1$");
    }

    [Fact]
    public async Task RespondAsync_WhenFunctionReturnsStructuredResponse_MapsIt()
    {
        var (front, _) = Front(Ok("""{"statusCode":404,"headers":{"content-type":"application/problem+json"},"body":"{}"}"""));

        var response = await front.RespondAsync(Request("/v1.0/campaigns/A1B"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(404);
        response.Headers.ShouldBe([new KeyValuePair<string, string>("content-type", "application/problem+json")]);
    }

    [Theory]
    [InlineData(nameof(OutcomeKind.FunctionError))]
    [InlineData(nameof(OutcomeKind.Crashed))]
    [InlineData(nameof(OutcomeKind.InitFailed))]
    public async Task RespondAsync_WhenInvocationFails_Returns500(string kind)
    {
        var (front, _) = Front(InvocationOutcome.Of(Enum.Parse<OutcomeKind>(kind)));

        var response = await front.RespondAsync(Request("/v1.0/campaigns/A1B"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(500);
        Encoding.UTF8.GetString(response.Body).ShouldBe("""{"message":"Internal Server Error"}""");
    }

    [Theory]
    [InlineData(nameof(OutcomeKind.TimedOut))]
    [InlineData(nameof(OutcomeKind.Unavailable))]
    public async Task RespondAsync_WhenFunctionTimesOutOrEmulatorStops_Returns503(string kind)
    {
        var (front, _) = Front(InvocationOutcome.Of(Enum.Parse<OutcomeKind>(kind)));

        var response = await front.RespondAsync(Request("/v1.0/campaigns/A1B"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(503);
        Encoding.UTF8.GetString(response.Body).ShouldBe("""{"message":"Service Unavailable"}""");
    }

    [Fact]
    public async Task RespondAsync_WhenResponseMalformed_Returns500AndLogsWhy()
    {
        var (front, _) = Front(Ok("""{"statusCode":"OK"}"""));

        var response = await front.RespondAsync(Request("/v1.0/campaigns/A1B"), Stamp, CancellationToken.None);

        response.StatusCode.ShouldBe(500);
        _log.Text.ShouldContain("get_campaign: malformed Lambda proxy response: statusCode");
    }

    public void Dispose() => _log.Dispose();

    private static InvocationOutcome Ok(string output) => new(OutcomeKind.Response, Encoding.UTF8.GetBytes(output));

    private (HttpApiFront Front, FakeInvoker Invoker) Front(InvocationOutcome outcome)
    {
        var invoker = new FakeInvoker(outcome);
        var functions = new Dictionary<string, IFunctionInvoker>
        {
            [GetCampaign.Name] = invoker,
            [CreateCampaign.Name] = invoker,
        };
        var front = new HttpApiFront(new Router([GetCampaign, CreateCampaign]), functions, new EmulatorLog(_log), TimeProvider.System, LocalFiles.None);
        return (front, invoker);
    }
}
