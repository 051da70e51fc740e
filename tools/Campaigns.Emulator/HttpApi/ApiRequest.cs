namespace Campaigns.Emulator.HttpApi;

/// <summary>An HTTP request as the front received it, before any API Gateway processing.</summary>
/// <param name="RawTarget">The request target exactly as sent: still percent-encoded, query included.</param>
/// <param name="Headers">In arrival order; a repeated header appears once per value.</param>
/// <param name="Body">Null when the request has no body.</param>
internal sealed record ApiRequest(
    string Method,
    string RawTarget,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string SourceIp,
    string Protocol,
    int LocalPort);
