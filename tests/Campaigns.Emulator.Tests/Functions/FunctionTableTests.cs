using Campaigns.Emulator.Functions;

namespace Campaigns.Emulator.Tests.Functions;

public sealed class FunctionTableTests
{
    [Fact]
    public void Load_RepositoryFunctionTable_ReadsTheFiveRoutes()
    {
        var functions = FunctionTable.Load(RepositoryFile("functions/functions.json"));

        functions.Select(f => (f.Name, f.RouteKey, f.RequiresJwt)).ShouldBe(
        [
            ("list_campaigns", "GET /v1.0/campaigns", false),
            ("get_campaign", "GET /v1.0/campaigns/{code}", false),
            ("create_campaign", "POST /v1.0/campaigns", true),
            ("update_campaign", "PUT /v1.0/campaigns/{code}", true),
            ("delete_campaign", "DELETE /v1.0/campaigns/{code}", true),
        ]);
    }

    [Fact]
    public void Parse_WhenJwtMissing_TreatsRouteAsPublic()
    {
        var function = FunctionTable.Parse("""{"f":{"method":"get","path":"/x"}}""", "test").ShouldHaveSingleItem();

        function.RequiresJwt.ShouldBeFalse();
        function.Method.ShouldBe("GET");
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{}""")]
    [InlineData("""{"../evil":{"method":"GET","path":"/x"}}""")]
    [InlineData("""{"f":{"method":"GET"}}""")]
    [InlineData("""{"f":{"method":"GET","path":"x"}}""")]
    [InlineData("""{"f":"GET /x"}""")]
    public void Parse_WhenTableInvalid_Throws(string json)
    {
        Should.Throw<FormatException>(() => FunctionTable.Parse(json, "test"));
    }

    private static string RepositoryFile(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Campaigns.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory.ShouldNotBeNull().FullName, relative);
    }
}
