using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Campaigns.Emulator.Tests.HttpApi.EventBuilding;

namespace Campaigns.Emulator.Tests.HttpApi;

public sealed class HttpApiEventBuilderTests
{
    [Fact]
    public void BuildEvent_ForGetWithPathQueryAndCookies_MatchesPayload20Example()
    {
        var request = Request(
            "/v1.0/campaigns/spring%2024?lang=en&tag=a&tag=b",
            [
                ("Host", "abc123.execute-api.eu-west-1.amazonaws.com"),
                ("User-Agent", "curl/8.0"),
                ("Accept", "application/json"),
                ("Cookie", "session=xyz; theme=dark"),
                ("X-Custom", "one"),
                ("X-Custom", "two"),
            ]);

        var lambdaEvent = Build(request);

        // Written from the documented payload format 2.0, plus the headers API Gateway adds itself.
        var expected = JsonNode.Parse("""
            {
              "version": "2.0",
              "routeKey": "GET /v1.0/campaigns/{code}",
              "rawPath": "/v1.0/campaigns/spring 24",
              "rawQueryString": "lang=en&tag=a&tag=b",
              "cookies": ["session=xyz", "theme=dark"],
              "headers": {
                "host": "abc123.execute-api.eu-west-1.amazonaws.com",
                "user-agent": "curl/8.0",
                "accept": "application/json",
                "x-custom": "one,two",
                "x-forwarded-for": "203.0.113.7",
                "x-forwarded-port": "3000",
                "x-forwarded-proto": "http",
                "x-amzn-trace-id": "Root=1-5e6a86ae-0123456789abcdef01234567"
              },
              "queryStringParameters": { "lang": "en", "tag": "a,b" },
              "requestContext": {
                "accountId": "000000000000",
                "apiId": "local",
                "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
                "domainPrefix": "abc123",
                "http": {
                  "method": "GET",
                  "path": "/v1.0/campaigns/spring 24",
                  "protocol": "HTTP/1.1",
                  "sourceIp": "203.0.113.7",
                  "userAgent": "curl/8.0"
                },
                "requestId": "JKJaXmPLvHcESHA=",
                "routeKey": "GET /v1.0/campaigns/{code}",
                "stage": "$default",
                "time": "12/Mar/2020:19:03:58 +0000",
                "timeEpoch": 1584039838123
              },
              "pathParameters": { "code": "spring 24" },
              "isBase64Encoded": false
            }
            """);
        JsonNode.DeepEquals(JsonNode.Parse(lambdaEvent.GetRawText()), expected).ShouldBeTrue(lambdaEvent.GetRawText());
    }

    [Fact]
    public void BuildEvent_WhenHeaderRepeated_JoinsWithComma()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B", [("Accept", "text/html"), ("accept", "application/json")]));

        lambdaEvent.GetProperty("headers").GetProperty("accept").GetString().ShouldBe("text/html,application/json");
    }

    [Fact]
    public void BuildEvent_HeaderNames_AreLowerCased()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B", [("If-None-Match", "\"3\""), ("X-API-Key", "k")]));

        var headers = lambdaEvent.GetProperty("headers");
        headers.GetProperty("if-none-match").GetString().ShouldBe("\"3\"");
        headers.GetProperty("x-api-key").GetString().ShouldBe("k");
        headers.EnumerateObject().ShouldAllBe(h => !h.Name.Any(char.IsUpper));
    }

    [Fact]
    public void BuildEvent_WhenCookieHeaderPresent_MovesCookiesOutOfHeaders()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B", [("Cookie", "a=1; b=2"), ("Cookie", "c=3")]));

        lambdaEvent.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()).ShouldBe(["a=1", "b=2", "c=3"]);
        lambdaEvent.GetProperty("headers").TryGetProperty("cookie", out _).ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_WhenNoCookies_OmitsCookies()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B"));

        lambdaEvent.TryGetProperty("cookies", out _).ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_WhenQueryKeyRepeated_JoinsWithComma()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns?status=ACTIVE&status=PAUSED&limit=5"), "/v1.0/campaigns");

        var query = lambdaEvent.GetProperty("queryStringParameters");
        query.GetProperty("status").GetString().ShouldBe("ACTIVE,PAUSED");
        query.GetProperty("limit").GetString().ShouldBe("5");
    }

    [Fact]
    public void BuildEvent_WhenNoQuery_OmitsQueryParametersAndRawQueryIsEmpty()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B"));

        lambdaEvent.GetProperty("rawQueryString").GetString().ShouldBe(string.Empty);
        lambdaEvent.TryGetProperty("queryStringParameters", out _).ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_QueryValues_AreDecodedButRawQueryStringIsNot()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns?nextToken=a%2Bb%3D&q=two+words&flag"), "/v1.0/campaigns");

        lambdaEvent.GetProperty("rawQueryString").GetString().ShouldBe("nextToken=a%2Bb%3D&q=two+words&flag");
        var query = lambdaEvent.GetProperty("queryStringParameters");
        query.GetProperty("nextToken").GetString().ShouldBe("a+b=");
        query.GetProperty("q").GetString().ShouldBe("two words");
        query.GetProperty("flag").GetString().ShouldBe(string.Empty);
    }

    [Fact]
    public void BuildEvent_PathParameters_AreUrlDecoded()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/caf%C3%A9%2F1"));

        lambdaEvent.GetProperty("pathParameters").GetProperty("code").GetString().ShouldBe("café/1");
    }

    [Fact]
    public void BuildEvent_WhenRouteHasNoParameters_OmitsPathParameters()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns"), "/v1.0/campaigns");

        lambdaEvent.TryGetProperty("pathParameters", out _).ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_WithJsonBody_PassesBodyAsText()
    {
        var body = """{"code":"SPRING","description":"Früh"}""";

        var lambdaEvent = Build(
            Request("/v1.0/campaigns", [("Content-Type", "application/json; charset=utf-8")], Encoding.UTF8.GetBytes(body), "POST"),
            "/v1.0/campaigns");

        lambdaEvent.GetProperty("body").GetString().ShouldBe(body);
        lambdaEvent.GetProperty("isBase64Encoded").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_WithBinaryBody_Base64EncodesIt()
    {
        byte[] body = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF];

        var lambdaEvent = Build(Request("/v1.0/campaigns", [("Content-Type", "image/png")], body, "POST"), "/v1.0/campaigns");

        lambdaEvent.GetProperty("isBase64Encoded").GetBoolean().ShouldBeTrue();
        Convert.FromBase64String(lambdaEvent.GetProperty("body").GetString()!).ShouldBe(body);
    }

    [Fact]
    public void BuildEvent_WithBodyButNoContentType_Base64EncodesIt()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns", [], Encoding.UTF8.GetBytes("{}"), "POST"), "/v1.0/campaigns");

        lambdaEvent.GetProperty("isBase64Encoded").GetBoolean().ShouldBeTrue();
        lambdaEvent.GetProperty("body").GetString().ShouldBe("e30=");
    }

    [Fact]
    public void BuildEvent_WithoutBody_OmitsBody()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B", [("Content-Type", "application/json")]));

        lambdaEvent.TryGetProperty("body", out _).ShouldBeFalse();
        lambdaEvent.GetProperty("isBase64Encoded").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_WithClaims_AddsJwtAuthorizerWithNullScopes()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B"), claims: [new("sub", "user-1"), new("email", "ada@example.com")]);

        var jwt = lambdaEvent.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt");
        jwt.GetProperty("claims").GetProperty("sub").GetString().ShouldBe("user-1");
        jwt.GetProperty("claims").GetProperty("email").GetString().ShouldBe("ada@example.com");
        jwt.GetProperty("scopes").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void BuildEvent_WithScopeClaim_AddsItsScopesAsAnArray()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B"), claims: [new("sub", "user-1"), new("scope", "campaigns/read campaigns/write")]);

        var jwt = lambdaEvent.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt");
        jwt.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["campaigns/read", "campaigns/write"]);
        jwt.GetProperty("claims").GetProperty("scope").GetString().ShouldBe("campaigns/read campaigns/write");
    }

    [Fact]
    public void BuildEvent_WithoutClaims_OmitsAuthorizer()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B"));

        lambdaEvent.GetProperty("requestContext").TryGetProperty("authorizer", out _).ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_TimeEpoch_IsANumberOfMilliseconds()
    {
        var context = Build(Request("/v1.0/campaigns/A1B")).GetProperty("requestContext");

        context.GetProperty("timeEpoch").ValueKind.ShouldBe(JsonValueKind.Number);
        context.GetProperty("timeEpoch").GetInt64().ShouldBe(Stamp.Time.ToUnixTimeMilliseconds());
        context.TryGetProperty("timeEpochMs", out _).ShouldBeFalse();
    }

    [Fact]
    public void BuildEvent_WhenClientSentForwardedFor_AppendsSourceIp()
    {
        var lambdaEvent = Build(Request("/v1.0/campaigns/A1B", [("X-Forwarded-For", "198.51.100.1")]));

        lambdaEvent.GetProperty("headers").GetProperty("x-forwarded-for").GetString().ShouldBe("198.51.100.1, 203.0.113.7");
    }

    [Fact]
    public void BuildEvent_WhenHostHasPort_DomainNameDropsIt()
    {
        var context = Build(Request("/v1.0/campaigns/A1B", [("Host", "localhost:3000")])).GetProperty("requestContext");

        context.GetProperty("domainName").GetString().ShouldBe("localhost");
        context.GetProperty("domainPrefix").GetString().ShouldBe("localhost");
    }

    [Fact]
    public void BuildEvent_WithoutUserAgent_SendsEmptyUserAgent()
    {
        var http = Build(Request("/v1.0/campaigns/A1B")).GetProperty("requestContext").GetProperty("http");

        http.GetProperty("userAgent").GetString().ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData("text/plain", true)]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/xml", true)]
    [InlineData("application/atom+xml", true)]
    [InlineData("application/x-www-form-urlencoded", true)]
    [InlineData("application/octet-stream", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("image/png", false)]
    [InlineData(null, false)]
    public void IsTextual_ClassifiesContentTypes(string? contentType, bool textual)
    {
        Campaigns.Emulator.HttpApi.ContentTypes.IsTextual(contentType).ShouldBe(textual);
    }
}
