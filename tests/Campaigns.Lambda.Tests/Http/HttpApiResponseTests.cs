using System.Text.Json;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Tests.Fakes;

namespace Campaigns.Lambda.Tests.Http;

public sealed class HttpApiResponseTests
{
    [Fact]
    public void Serialize_FullResponse_UsesPayloadV2PropertyNames()
    {
        var response = new HttpApiResponse
        {
            StatusCode = 201,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            Cookies = ["session=abc123; Secure; HttpOnly"],
            Body = """{"code":"SPRING25"}""",
            IsBase64Encoded = false,
        };

        var json = JsonSerializer.Serialize(response, TestJsonContext.Default.HttpApiResponse);

        json.ShouldBe(
            """{"statusCode":201,"headers":{"content-type":"application/json"},"cookies":["session=abc123; Secure; HttpOnly"],"body":"{\u0022code\u0022:\u0022SPRING25\u0022}","isBase64Encoded":false}""");
    }

    [Fact]
    public void Serialize_ResponseWithoutOptionalParts_OmitsNulls()
    {
        var response = new HttpApiResponse { StatusCode = 204 };

        var json = JsonSerializer.Serialize(response, TestJsonContext.Default.HttpApiResponse);

        json.ShouldBe("""{"statusCode":204,"isBase64Encoded":false}""");
    }
}
