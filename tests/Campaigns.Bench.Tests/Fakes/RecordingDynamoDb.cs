using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Bench.Tests.Fakes;

/// <summary>
/// A DynamoDB endpoint on a loopback port that records each call and answers the smallest valid response
/// for its operation: no item for GetItem, an empty page for Query, a stored campaign for UpdateItem.
/// </summary>
internal sealed class RecordingDynamoDb : IAsyncDisposable
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private LoopbackHttpServer? _server;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly int _status;

    private RecordingDynamoDb(int status) => _status = status;

    public Uri Endpoint => _server!.Endpoint;

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <param name="status">The status of every answer: 200, or an error status to see a caller fail.</param>
    public static async Task<RecordingDynamoDb> StartAsync(int status = 200)
    {
        var fake = new RecordingDynamoDb(status);
        fake._server = await LoopbackHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        string target = context.Request.Headers["X-Amz-Target"].ToString();
        string operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        _calls.Enqueue(new RecordedCall(operation, body!.AsObject()));

        context.Response.StatusCode = _status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        await context.Response.WriteAsync(AnswerFor(operation), Encoding.UTF8, context.RequestAborted);
    }

    private static string AnswerFor(string operation) => operation switch
    {
        "Query" => """{"Count":0,"Items":[],"ScannedCount":0}""",
        "UpdateItem" => new JsonObject { ["Attributes"] = ToJson(CampaignItemMapper.ToItem(Samples.Campaign())) }.ToJsonString(),
        _ => "{}",
    };

    private static JsonObject ToJson(Dictionary<string, AttributeValue> item)
    {
        var json = new JsonObject();
        foreach (var (name, value) in item)
        {
            json[name] = value switch
            {
                { S: { } s } => new JsonObject { ["S"] = s },
                { N: { } n } => new JsonObject { ["N"] = n },
                { BOOL: { } b } => new JsonObject { ["BOOL"] = b },
                _ => throw new JsonException($"No test encoding for the attribute '{name}'."),
            };
        }

        return json;
    }
}
