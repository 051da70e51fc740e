using System.Text.Json;
using Campaigns.Emulator.Functions;
using Campaigns.Emulator.HttpApi;

namespace Campaigns.Emulator.Tests.HttpApi;

/// <summary>Builds events the way the front does, for tests that inspect them.</summary>
internal static class EventBuilding
{
    public static readonly EventStamp Stamp = new(
        "JKJaXmPLvHcESHA=",
        new DateTimeOffset(2020, 3, 12, 19, 3, 58, 123, TimeSpan.Zero),
        "1-5e6a86ae-0123456789abcdef01234567");

    public static ApiRequest Request(
        string target,
        IEnumerable<(string Name, string Value)>? headers = null,
        byte[]? body = null,
        string method = "GET") =>
        new(
            method,
            target,
            [.. (headers ?? [("Host", "api.example.com")]).Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
            body,
            "203.0.113.7",
            "HTTP/1.1",
            3000);

    public static JsonElement Build(
        ApiRequest request,
        string routePath = "/v1.0/campaigns/{code}",
        IReadOnlyList<KeyValuePair<string, string>>? claims = null)
    {
        var function = new FunctionDefinition("get_campaign", request.Method, RouteTemplate.Parse(routePath), claims is not null);
        var target = RequestTarget.Parse(request.RawTarget);
        var match = new Router([function]).Match(request.Method, PathSegments.SplitAndDecode(target.RawPath));
        match.ShouldNotBeNull();
        using var document = JsonDocument.Parse(HttpApiEventBuilder.Build(request, match, claims, Stamp));
        return document.RootElement.Clone();
    }
}
