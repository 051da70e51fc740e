using System.Text;

namespace Campaigns.Emulator.HttpApi;

/// <summary>The responses API Gateway produces itself, with its exact messages.</summary>
internal static class GatewayResponses
{
    public static ApiResponse NotFound => Message(404, "Not Found");

    public static ApiResponse Unauthorized => Message(401, "Unauthorized");

    public static ApiResponse PayloadTooLarge => Message(413, "Request Entity Too Large");

    public static ApiResponse InternalServerError => Message(500, "Internal Server Error");

    public static ApiResponse ServiceUnavailable => Message(503, "Service Unavailable");

    private static ApiResponse Message(int status, string message) =>
        new(
            status,
            [new("content-type", ContentTypes.Json)],
            [],
            Encoding.UTF8.GetBytes($$"""{"message":"{{message}}"}"""));
}
