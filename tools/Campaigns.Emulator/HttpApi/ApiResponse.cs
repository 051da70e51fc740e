namespace Campaigns.Emulator.HttpApi;

/// <summary>What the front sends back to the HTTP client.</summary>
internal sealed record ApiResponse(
    int StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<string> Cookies,
    byte[] Body);
