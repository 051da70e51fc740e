using System.Text.Json;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Http;

public sealed class HttpApiRequestTests
{
    [Fact]
    public void Deserialize_PayloadV2Example_ReadsTopLevelFields()
    {
        var request = Deserialize(SamplePayloads.GetCampaign);

        request.Version.ShouldBe("2.0");
        request.RouteKey.ShouldBe("GET /v1.0/campaigns/{code}");
        request.RawPath.ShouldBe("/v1.0/campaigns/SPRING25");
        request.RawQueryString.ShouldBe("lang=en&tag=a&tag=b");
        request.Cookies.ShouldBe(["session=abc123", "theme=dark"]);
        request.Headers!["x-forwarded-for"].ShouldBe("203.0.113.7, 10.0.0.1");
        request.StageVariables!["tableName"].ShouldBe("campaigns");
        request.Body.ShouldBe("eyJuYW1lIjoiU3ByaW5nIn0=");
        request.IsBase64Encoded.ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_PayloadV2Example_ReadsRequestContext()
    {
        var context = Deserialize(SamplePayloads.GetCampaign).RequestContext!;

        context.AccountId.ShouldBe("123456789012");
        context.ApiId.ShouldBe("a1b2c3d4e5");
        context.DomainName.ShouldBe("api.example.com");
        context.DomainPrefix.ShouldBe("api");
        context.RequestId.ShouldBe("JKJaXmPLvHcESHA=");
        context.RouteKey.ShouldBe("GET /v1.0/campaigns/{code}");
        context.Stage.ShouldBe("$default");
        context.Time.ShouldBe("01/Mar/2025:12:00:00 +0000");
        context.TimeEpoch.ShouldBe(1_740_830_400_123);
        context.Http!.Method.ShouldBe("GET");
        context.Http.Path.ShouldBe("/v1.0/campaigns/SPRING25");
        context.Http.Protocol.ShouldBe("HTTP/1.1");
        context.Http.SourceIp.ShouldBe("203.0.113.7");
        context.Http.UserAgent.ShouldBe("curl/8.5.0");
    }

    [Fact]
    public void Deserialize_PayloadV2Example_ReadsJwtClaimsAndScopes()
    {
        var jwt = Deserialize(SamplePayloads.GetCampaign).RequestContext!.Authorizer!.Jwt!;

        jwt.Claims!["sub"].ShouldBe("user-42");
        jwt.Claims["exp"].ShouldBe("1740830400");
        jwt.Scopes.ShouldBe(["campaigns.read", "campaigns.write"]);
    }

    [Fact]
    public void Deserialize_MinimalEvent_LeavesOptionalPartsNull()
    {
        var request = Deserialize("""{"version":"2.0","rawPath":"/","isBase64Encoded":false}""");

        request.Cookies.ShouldBeNull();
        request.QueryStringParameters.ShouldBeNull();
        request.RequestContext.ShouldBeNull();
        request.GetHeader("accept").ShouldBeNull();
        request.GetQueryParameter("lang").ShouldBeNull();
        request.GetPathParameter("code").ShouldBeNull();
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("Accept")]
    [InlineData("ACCEPT")]
    public void GetHeader_WithAnyCase_FindsHeader(string name)
    {
        var request = Deserialize(SamplePayloads.GetCampaign);

        request.GetHeader(name).ShouldBe("application/json");
    }

    [Fact]
    public void GetHeader_WhenHeaderNamesAreNotLowerCase_StillFindsHeader()
    {
        var request = new HttpApiRequest { Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv" } };

        request.GetHeader("content-type").ShouldBe("text/csv");
    }

    [Fact]
    public void GetQueryParameterAndGetPathParameter_WhenPresent_ReturnValues()
    {
        var request = Deserialize(SamplePayloads.GetCampaign);

        request.GetQueryParameter("tag").ShouldBe("a,b");
        request.GetQueryParameter("Tag").ShouldBeNull();
        request.GetPathParameter("code").ShouldBe("SPRING25");
        request.GetPathParameter("missing").ShouldBeNull();
    }

    private static HttpApiRequest Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TestJsonContext.Default.HttpApiRequest)!;
}
