using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Testing.Grants;

/// <summary>
/// A DynamoDB endpoint on a loopback port that records each request and forwards it, unchanged, to a real
/// DynamoDB (DynamoDB Local), relaying the answer. A function whose AWS_ENDPOINT_URL_DYNAMODB names it
/// behaves exactly as against the real one, and every request its client sends is seen: nothing bypasses
/// the network.
/// </summary>
public sealed class DynamoDbRecorder : IAsyncDisposable
{
    // Hop-by-hop or recomputed headers; everything else (the SigV4 headers, X-Amz-Target, the CRC32 of
    // the answer, which the SDK checks) passes through.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Expect", "Keep-Alive",
    };

    private readonly HttpClient _upstream;
    private readonly ConcurrentQueue<DynamoDbCall> _calls = new();

    private LoopbackHttpServer? _server;

    private DynamoDbRecorder(Uri upstream) => _upstream = new HttpClient { BaseAddress = upstream };

    public Uri Endpoint => _server!.Endpoint;

    public IReadOnlyList<DynamoDbCall> Calls => [.. _calls];

    public static async Task<DynamoDbRecorder> StartAsync(Uri upstream)
    {
        var recorder = new DynamoDbRecorder(upstream);
        recorder._server = await LoopbackHttpServer.StartAsync(recorder.ForwardAsync);
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        byte[] body = buffer.ToArray();
        _calls.Enqueue(DynamoDbCall.Of(context.Request.Headers["X-Amz-Target"].ToString(), body));

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new ByteArrayContent(body),
        };
        if (context.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (!NotForwarded.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!NotForwarded.Contains(name) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
