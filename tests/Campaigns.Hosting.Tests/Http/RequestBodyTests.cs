using System.Text;
using System.Text.Json;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;
using Campaigns.Testing;

namespace Campaigns.Hosting.Tests.Http;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData(null, "A JSON object body is required.")]
    [InlineData("", "A JSON object body is required.")]
    [InlineData("{not json", "The body is not valid JSON (or nests deeper than 32).")]
    [InlineData("[1,2]", "The body must be a JSON object.")]
    [InlineData("null", "The body must be a JSON object.")]
    [InlineData("\"text\"", "The body must be a JSON object.")]
    [InlineData("{\"a\":1,\"a\":1}", "The body repeats a member name in one object.")]
    [InlineData("{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}", "The body repeats a member name in one object.")]
    [InlineData("{\"\\u0061\":1,\"a\":2}", "The body repeats a member name in one object.")]
    public void TryRead_WhenNotOneWellFormedObject_ExplainsWhy(string? body, string expected)
    {
        ShouldRefuse(Requests.Post(null).WithBody(body), 400, "body").ShouldBe([expected]);
    }

    [Fact]
    public void TryRead_WhenDeeplyNested_RejectsAsInvalidJson()
    {
        string body = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";

        ShouldRefuse(Requests.Post(null).WithBody(body), 400, "body").ShouldBe(["The body is not valid JSON (or nests deeper than 32)."]);
    }

    [Theory]
    [InlineData("{\"description\":\"\\ud800\"}", "description")]
    [InlineData("{\"a\":{\"b\":[1,\"ok\",\"\\udc00\"]}}", "a.b[2]")]
    [InlineData("{\"\\udfff\":1}", "body")]
    [InlineData("{\"a\":{\"x\\ud800\":1}}", "a")]
    [InlineData("{\"\\ud800\":1,\"\\ud800\":2}", "body")]
    public void TryRead_WhenAStringHasALoneSurrogate_NamesWhere(string body, string path)
    {
        ShouldRefuse(Requests.Post(null).WithBody(body), 400, path).ShouldBe([Campaigns.Domain.Validation.CampaignValidator.UnpairedSurrogateRule]);
    }

    [Fact]
    public void TryRead_WhenBase64Object_Decodes()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"code\":\"B64\"}"));

        RequestBody.TryRead(Requests.Post(null).WithBody(encoded, base64: true), out var document, out _).ShouldBeTrue();

        using (document)
        {
            document!.RootElement.GetProperty("code").GetString().ShouldBe("B64");
        }
    }

    [Fact]
    public void TryRead_WhenBase64FlaggedButNotBase64_ExplainsWhy()
    {
        ShouldRefuse(Requests.Post(null).WithBody("{\"a\":1}", base64: true), 400, "body").ShouldBe(["The body is flagged as base64 but is not valid base64."]);
    }

    [Fact]
    public void TryRead_WhenBase64OfInvalidUtf8_RejectsIt()
    {
        string encoded = Convert.ToBase64String([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        ShouldRefuse(Requests.Post(null).WithBody(encoded, base64: true), 400, "body").ShouldBe(["The body is not valid UTF-8."]);
    }

    [Fact]
    public void TryRead_WhenBase64TextIsLongerThanAnyCappedBodyCouldBe_RefusesWithoutDecoding()
    {
        // Not base64 at all: only the length check, which comes first, can answer 413.
        string text = new('!', 21_849);

        ShouldRefuse(Requests.Post(null).WithBody(text, base64: true), 413, field: null);
    }

    [Fact]
    public void TryRead_WhenBase64TextIsAtTheLongestAllowed_Decodes()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', RequestBody.MaxBytes - 8) + "\"}"));
        encoded.Length.ShouldBe(21_848);

        RequestBody.TryRead(Requests.Post(null).WithBody(encoded, base64: true), out var document, out _).ShouldBeTrue();
        document!.Dispose();
    }

    [Fact]
    public void TryRead_WhenObject_ReturnsIt()
    {
        RequestBody.TryRead(Requests.Post(null).WithBody("{\"x\":1}"), out var document, out var problem).ShouldBeTrue();

        problem.ShouldBeNull();
        using (document)
        {
            document!.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        }
    }

    private static string[] ShouldRefuse(HttpApiRequest request, int status, string? field)
    {
        RequestBody.TryRead(request, out var document, out var problem).ShouldBeFalse();
        document.ShouldBeNull();
        var json = problem!.ShouldBeJson(status);
        if (field is null)
        {
            return [];
        }

        var errors = json.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        return errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
