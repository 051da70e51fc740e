using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Campaigns.Emulator.Tests.Fakes;
using Campaigns.Testing;

namespace Campaigns.Emulator.Tests;

/// <summary>The public hosting API and the HTTP front end to end, over real sockets.</summary>
public sealed class EmulatorHostTests
{
    [Fact]
    public async Task StartAsync_WithPortZero_ListensOnLoopbackAndExposesRoutes()
    {
        await using var emulator = await TestEmulator.StartAsync();

        emulator.Host.BaseAddress.Host.ShouldBe("127.0.0.1");
        emulator.Host.BaseAddress.Port.ShouldBeGreaterThan(0);
        emulator.Host.Routes.ShouldContain(new FunctionRoute(FakeFunctions.Secure, "POST", "/secure", RequiresJwt: true));
        emulator.Log.Text.ShouldContain("NOT verified");
    }

    [Fact]
    public async Task StartAsync_WhenFunctionTableMissing_Throws()
    {
        var options = new EmulatorOptions { HttpPort = 0, FunctionTablePath = "/nonexistent/functions.json", FunctionsDirectory = FakeFunctions.Directory };

        await Should.ThrowAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));
    }

    [Fact]
    public async Task Request_ForUnknownRoute_Answers404WithoutStartingAProcess()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.GetAsync("v2/nothing");

        response.ShouldBe((404, """{"message":"Not Found"}"""));
        emulator.Host.GetProcesses().ShouldBeEmpty();
    }

    [Fact]
    public async Task Request_MapsStructuredResponseWithCookiesAndRequestId()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.Client.GetAsync(new Uri("fake/1", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("x-fake").ShouldBe(["yes"]);
        response.Headers.GetValues("Set-Cookie").ShouldBe(["session=abc; Path=/", "theme=dark"]);
        var requestId = response.Headers.GetValues("apigw-requestid").Single();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("event").GetProperty("requestContext").GetProperty("requestId").GetString().ShouldBe(requestId);
    }

    [Fact]
    public async Task Request_WithoutStatusCodeInOutput_Answers200WithWholeOutput()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.GetAsync("fake/1?action=raw&body=" + Uri.EscapeDataString("""{"items":[]}"""));

        response.ShouldBe((200, """{"items":[]}"""));
    }

    [Fact]
    public async Task Request_WhenOutputIsNotJson_Answers500()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.GetAsync("fake/1?action=raw&body=plain-text");

        response.ShouldBe((500, """{"message":"Internal Server Error"}"""));
        emulator.Log.Text.ShouldContain("fake: malformed Lambda proxy response");
    }

    [Fact]
    public async Task Request_OnJwtRouteWithoutToken_Answers401WithoutStartingAProcess()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var response = await emulator.Client.PostAsync(new Uri("secure", UriKind.Relative), new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Unauthorized"}""");
        emulator.Host.GetProcesses().ShouldBeEmpty();
    }

    [Fact]
    public async Task Request_OnJwtRouteWithToken_PassesClaimsAndTextBody()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("secure", UriKind.Relative))
        {
            Content = new StringContent("""{"code":"SPRING"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Jwt.Token("""{"sub":"u-1","email":"ada@example.com","iat":1}"""));

        using var response = await emulator.Client.SendAsync(request);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var lambdaEvent = body.RootElement.GetProperty("event");
        lambdaEvent.GetProperty("body").GetString().ShouldBe("""{"code":"SPRING"}""");
        lambdaEvent.GetProperty("isBase64Encoded").GetBoolean().ShouldBeFalse();
        var claims = lambdaEvent.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt").GetProperty("claims");
        claims.GetProperty("email").GetString().ShouldBe("ada@example.com");
        claims.GetProperty("iat").GetString().ShouldBe("1");
    }

    [Fact]
    public async Task Request_WithBinaryBody_ReachesFunctionBase64Encoded()
    {
        await using var emulator = await TestEmulator.StartAsync();
        byte[] bytes = [0, 1, 2, 250, 255];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("secure", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Jwt.Token("""{"sub":"u-1"}"""));

        using var response = await emulator.Client.SendAsync(request);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var lambdaEvent = body.RootElement.GetProperty("event");
        lambdaEvent.GetProperty("isBase64Encoded").GetBoolean().ShouldBeTrue();
        Convert.FromBase64String(lambdaEvent.GetProperty("body").GetString()!).ShouldBe(bytes);
    }

    [Fact]
    public async Task Request_ForOpenApiPath_ServesTheFileWhenConfigured()
    {
        using var scratch = new TempDirectory();
        var contract = scratch.File("openapi.yaml");
        await File.WriteAllTextAsync(contract, "openapi: 3.1.0\n");
        await using var withFile = await TestEmulator.StartAsync(o => o.OpenApiPath = contract);
        await using var withoutFile = await TestEmulator.StartAsync();

        (await withFile.GetAsync("openapi.yaml")).ShouldBe((200, "openapi: 3.1.0\n"));
        (await withoutFile.GetAsync("openapi.yaml")).Status.ShouldBe(404);
    }

    [Fact]
    public async Task LaunchOverride_StartsTheFunctionItsOwnWay()
    {
        var launched = new List<string>();
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.FunctionsDirectory = "/nonexistent/functions";
            o.LaunchOverride = launch =>
            {
                lock (launched)
                {
                    launched.Add(launch.FunctionName);
                }

                launch.Environment["FAKE_MARKER"] = "from-override";
                return new ProcessStartInfo(FakeFunctions.PythonPath, ["-u", FakeFunctions.ScriptPath]);
            };
        });

        var echo = await emulator.EchoAsync();

        launched.ShouldBe([FakeFunctions.Echo]);
        echo.GetProperty("env").GetProperty("FAKE_MARKER").GetString().ShouldBe("from-override");
        echo.GetProperty("env").GetProperty("LAMBDA_TASK_ROOT").GetString().ShouldBe("/nonexistent/functions/fake");
    }

    [Fact]
    public async Task Request_WhenBootstrapIsMissing_Answers500AndSaysWhy()
    {
        using var scratch = new TempDirectory();
        var empty = scratch.Path;
        await using var emulator = await TestEmulator.StartAsync(o => o.FunctionsDirectory = empty);

        var response = await emulator.GetAsync("fake/1");

        response.Status.ShouldBe(500);
        emulator.Log.Text.ShouldContain($"fake: could not start {Path.Combine(empty, "fake", "bootstrap")}");
        emulator.Host.Reports.ShouldHaveSingleItem().Status.ShouldBe(InvocationStatus.InitFailed);
        emulator.Host.GetProcesses().ShouldBeEmpty();
    }

    [Fact]
    public async Task DisposeAsync_KillsEveryFunctionProcess()
    {
        var emulator = await TestEmulator.StartAsync();
        var first = (await emulator.EchoAsync()).GetProperty("pid").GetInt32();
        var (status, body) = await emulator.GetAsync("other");
        status.ShouldBe(200);
        using var other = JsonDocument.Parse(body);
        var second = other.RootElement.GetProperty("pid").GetInt32();

        await emulator.DisposeAsync();

        Directory.Exists($"/proc/{first}").ShouldBeFalse();
        Directory.Exists($"/proc/{second}").ShouldBeFalse();
        emulator.Log.Text.ShouldContain($"fake: killing process {first}");
    }

    [Fact]
    public async Task Request_WhenBodyOverTenMegabytes_Answers413()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var content = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]);

        using var response = await emulator.Client.PostAsync(new Uri("secure", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        emulator.Host.GetProcesses().ShouldBeEmpty();
    }
}
