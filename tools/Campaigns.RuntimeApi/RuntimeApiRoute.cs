using Microsoft.AspNetCore.Http;

namespace Campaigns.RuntimeApi;

/// <summary>Which Runtime API (2018-06-01) call a request is, and for which request id.</summary>
internal sealed record RuntimeApiRoute(RuntimeApiCall Call, string RequestId)
{
    private const string Prefix = "/2018-06-01/runtime/";
    private const string InvocationPrefix = "invocation/";

    public static RuntimeApiRoute Parse(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new RuntimeApiRoute(RuntimeApiCall.Unknown, string.Empty);
        }

        var rest = path[Prefix.Length..];
        if (rest == "invocation/next")
        {
            return Expect(method, HttpMethods.Get, RuntimeApiCall.Next, string.Empty);
        }

        if (rest == "init/error")
        {
            return Expect(method, HttpMethods.Post, RuntimeApiCall.InitError, string.Empty);
        }

        var parts = rest.StartsWith(InvocationPrefix, StringComparison.Ordinal) ? rest[InvocationPrefix.Length..].Split('/') : [];
        return parts is [{ Length: > 0 } id, "response"] ? Expect(method, HttpMethods.Post, RuntimeApiCall.Response, id)
            : parts is [{ Length: > 0 } failedId, "error"] ? Expect(method, HttpMethods.Post, RuntimeApiCall.Error, failedId)
            : new RuntimeApiRoute(RuntimeApiCall.Unknown, string.Empty);
    }

    private static RuntimeApiRoute Expect(string method, string expected, RuntimeApiCall call, string requestId) =>
        string.Equals(method, expected, StringComparison.OrdinalIgnoreCase)
            ? new RuntimeApiRoute(call, requestId)
            : new RuntimeApiRoute(RuntimeApiCall.MethodNotAllowed, requestId);
}
