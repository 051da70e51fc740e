using System.Text;
using Campaigns.Emulator.HttpApi;

namespace Campaigns.Emulator.Tests.HttpApi;

public sealed class ResponseMapperTests
{
    [Fact]
    public void Map_WithStatusHeadersCookiesAndBody_MapsEveryPart()
    {
        var output = """
            {"statusCode":201,"headers":{"content-type":"application/json","location":"/v1.0/campaigns/SPRING","etag":"\"1\""},
             "cookies":["a=1; Path=/","b=2"],"body":"{\"code\":\"SPRING\"}","isBase64Encoded":false}
            """;

        var mapping = ResponseMapper.Map(Encoding.UTF8.GetBytes(output));

        var response = mapping.Response.ShouldNotBeNull();
        response.StatusCode.ShouldBe(201);
        response.Headers.ShouldContain(new KeyValuePair<string, string>("location", "/v1.0/campaigns/SPRING"));
        response.Headers.ShouldContain(new KeyValuePair<string, string>("etag", "\"1\""));
        response.Cookies.ShouldBe(["a=1; Path=/", "b=2"]);
        Encoding.UTF8.GetString(response.Body).ShouldBe("""{"code":"SPRING"}""");
    }

    [Fact]
    public void Map_WhenIsBase64Encoded_DecodesBody()
    {
        var mapping = ResponseMapper.Map(Encoding.UTF8.GetBytes("""{"statusCode":200,"body":"AAEC/w==","isBase64Encoded":true}"""));

        mapping.Response.ShouldNotBeNull().Body.ShouldBe(new byte[] { 0, 1, 2, 255 });
    }

    [Theory]
    [InlineData("""{"items":[],"nextToken":null}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    public void Map_WhenValidJsonWithoutStatusCode_Returns200JsonWithWholeOutput(string output)
    {
        var mapping = ResponseMapper.Map(Encoding.UTF8.GetBytes(output));

        var response = mapping.Response.ShouldNotBeNull();
        response.StatusCode.ShouldBe(200);
        response.Headers.ShouldBe([new KeyValuePair<string, string>("content-type", "application/json")]);
        Encoding.UTF8.GetString(response.Body).ShouldBe(output);
    }

    [Fact]
    public void Map_WhenBodyAndHeadersMissing_ReturnsEmptyResponse()
    {
        var response = ResponseMapper.Map(Encoding.UTF8.GetBytes("""{"statusCode":204}""")).Response.ShouldNotBeNull();

        response.StatusCode.ShouldBe(204);
        response.Headers.ShouldBeEmpty();
        response.Cookies.ShouldBeEmpty();
        response.Body.ShouldBeEmpty();
    }

    [Fact]
    public void Map_WhenHeaderValueIsANumber_UsesItsText()
    {
        var response = ResponseMapper.Map(Encoding.UTF8.GetBytes("""{"statusCode":503,"headers":{"retry-after":2}}""")).Response;

        response.ShouldNotBeNull().Headers.ShouldBe([new KeyValuePair<string, string>("retry-after", "2")]);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"statusCode":200,""")]
    [InlineData("")]
    [InlineData("""{"statusCode":"200"}""")]
    [InlineData("""{"statusCode":99}""")]
    [InlineData("""{"statusCode":200.5}""")]
    [InlineData("""{"statusCode":200,"headers":["x"]}""")]
    [InlineData("""{"statusCode":200,"headers":{"x":{"nested":1}}}""")]
    [InlineData("""{"statusCode":200,"cookies":"a=1"}""")]
    [InlineData("""{"statusCode":200,"cookies":[1]}""")]
    [InlineData("""{"statusCode":200,"body":{"an":"object"}}""")]
    [InlineData("""{"statusCode":200,"body":"%%%","isBase64Encoded":true}""")]
    [InlineData("""{"statusCode":200,"isBase64Encoded":"yes"}""")]
    public void Map_WhenOutputMalformed_ReportsProblem(string output)
    {
        var mapping = ResponseMapper.Map(Encoding.UTF8.GetBytes(output));

        mapping.Response.ShouldBeNull();
        mapping.Problem.ShouldNotBeNullOrWhiteSpace();
    }
}
