using System.Text;
using System.Text.Json;
using Campaigns.Hosting.Http;
using Campaigns.Testing;

namespace Campaigns.Hosting.Tests.Http;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData(null, "A JSON object body is required.")]
    [InlineData("", "A JSON object body is required.")]
    [InlineData("{not json", "The body is not valid JSON.")]
    [InlineData("[1,2]", "The body must be a JSON object.")]
    [InlineData("null", "The body must be a JSON object.")]
    [InlineData("\"text\"", "The body must be a JSON object.")]
    public void TryParseObject_WhenNotAnObject_ExplainsWhy(string? body, string expected)
    {
        using var document = RequestBody.TryParseObject(Requests.Post(null).WithBody(body), out string? problem);

        document.ShouldBeNull();
        problem.ShouldBe(expected);
    }

    [Fact]
    public void TryParseObject_WhenDeeplyNested_RejectsAsInvalidJson()
    {
        string body = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}";

        RequestBody.TryParseObject(Requests.Post(null).WithBody(body), out string? problem).ShouldBeNull();
        problem.ShouldBe("The body is not valid JSON.");
    }

    [Fact]
    public void TryParseObject_WhenBase64Object_Decodes()
    {
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"code\":\"B64\"}"));

        using var document = RequestBody.TryParseObject(Requests.Post(null).WithBody(encoded, base64: true), out _);

        document!.RootElement.GetProperty("code").GetString().ShouldBe("B64");
    }

    [Fact]
    public void TryParseObject_WhenBase64FlaggedButNotBase64_ExplainsWhy()
    {
        RequestBody.TryParseObject(Requests.Post(null).WithBody("{\"a\":1}", base64: true), out string? problem).ShouldBeNull();
        problem.ShouldBe("The body is flagged as base64 but is not valid base64.");
    }

    [Fact]
    public void TryParseObject_WhenBase64OfInvalidUtf8_RejectsIt()
    {
        string encoded = Convert.ToBase64String([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        RequestBody.TryParseObject(Requests.Post(null).WithBody(encoded, base64: true), out string? problem).ShouldBeNull();
        problem.ShouldBe("The body is not valid UTF-8.");
    }

    [Fact]
    public void TryParseObject_WhenObject_ReturnsIt()
    {
        using var document = RequestBody.TryParseObject(Requests.Post(null).WithBody("{\"x\":1}"), out string? problem);

        problem.ShouldBeNull();
        document!.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
