using Campaigns.Emulator.Functions;

namespace Campaigns.Emulator.Tests.Functions;

public sealed class RouterTests
{
    private static readonly Router Routes = new(
    [
        new FunctionDefinition("list", "GET", RouteTemplate.Parse("/v1.0/campaigns"), false),
        new FunctionDefinition("get", "GET", RouteTemplate.Parse("/v1.0/campaigns/{code}"), false),
        new FunctionDefinition("search", "GET", RouteTemplate.Parse("/v1.0/campaigns/search"), false),
        new FunctionDefinition("files", "ANY", RouteTemplate.Parse("/files/{path+}"), false),
    ]);

    [Fact]
    public void Match_WithParameterSegment_ReturnsDecodedParameter()
    {
        var match = Routes.Match("GET", PathSegments.SplitAndDecode("/v1.0/campaigns/SUMMER%2D24"));

        match.ShouldNotBeNull().Function.Name.ShouldBe("get");
        match.PathParameters["code"].ShouldBe("SUMMER-24");
    }

    [Fact]
    public void Match_WhenLiteralAndParameterBothFit_PrefersLiteral()
    {
        Routes.Match("GET", PathSegments.SplitAndDecode("/v1.0/campaigns/search")).ShouldNotBeNull().Function.Name.ShouldBe("search");
    }

    [Fact]
    public void Match_WithGreedyParameter_CapturesTheRest()
    {
        var match = Routes.Match("PUT", PathSegments.SplitAndDecode("/files/a/b/c.txt")).ShouldNotBeNull();

        match.Function.Name.ShouldBe("files");
        match.PathParameters["path"].ShouldBe("a/b/c.txt");
    }

    [Theory]
    [InlineData("POST", "/v1.0/campaigns/A1B")]
    [InlineData("GET", "/v1.0/campaigns/")]
    [InlineData("GET", "/v1.0/campaigns/A1B/extra")]
    [InlineData("GET", "/V1.0/campaigns")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/files")]
    public void Match_WhenNoRouteFits_ReturnsNull(string method, string path)
    {
        Routes.Match(method, PathSegments.SplitAndDecode(path)).ShouldBeNull();
    }

    [Fact]
    public void Parse_WhenGreedyParameterNotLast_Throws()
    {
        Should.Throw<FormatException>(() => RouteTemplate.Parse("/files/{path+}/meta"));
    }
}
