using System.Text.Json;
using Campaigns.Hosting.Http;

namespace Campaigns.Hosting.Tests.Http;

public sealed class ResponsesTests
{
    [Fact]
    public void Problem_WritesApostrophesAsTheyAre()
    {
        var response = Problems.NotFound("SUMMER-25");

        response.Body.ShouldBe("""{"type":"/problems/not-found","title":"Not found","status":404,"detail":"Campaign 'SUMMER-25' does not exist."}""");
    }

    [Fact]
    public void Problem_WritesHtmlSensitiveAndNonAsciiTextAsItIs()
    {
        string body = Body("Tom's <b>café</b> & more + 10%");

        body.ShouldContain("\"detail\":\"Tom's <b>café</b> & more + 10%\"", Case.Sensitive);
    }

    [Fact]
    public void Problem_StillEscapesQuotesBackslashesAndControlCharacters()
    {
        string detail = "say \"hi\" \\ tab\t line\n sep\u2028 nul\u0000";

        string body = Body(detail);

        body.ShouldContain("say \\\"hi\\\" \\\\ tab\\t line\\n sep\\u2028 nul\\u0000", Case.Sensitive);
        using var parsed = JsonDocument.Parse(body);
        parsed.RootElement.GetProperty("detail").GetString().ShouldBe(detail);
    }

    private static string Body(string detail) =>
        Responses.Problem(new ProblemDetails { Type = "/problems/test", Title = "Test", Status = 400, Detail = detail }).Body.ShouldNotBeNull();
}
