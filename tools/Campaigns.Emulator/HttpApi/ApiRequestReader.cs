using Campaigns.Emulator.Hosting;
using Campaigns.RuntimeApi;
using Microsoft.AspNetCore.Http.Features;

namespace Campaigns.Emulator.HttpApi;

/// <summary>Captures what API Gateway sees of a request from Kestrel's view of it.</summary>
internal static class ApiRequestReader
{
    /// <summary>API Gateway's payload limit for HTTP APIs.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>Null when the body is over the limit.</summary>
    public static async Task<ApiRequest?> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await LimitedBody.ReadAsync(request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value ?? string.Empty));
            }
        }

        // RawTarget is the request line's target untouched; Request.Path is already decoded by Kestrel.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        return new ApiRequest(
            request.Method,
            rawTarget,
            headers,
            body.Length == 0 ? null : body,
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            request.Protocol,
            context.Connection.LocalPort);
    }
}
