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
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    private RecordingDynamoDb(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public static async Task<RecordingDynamoDb> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var fake = new RecordingDynamoDb(builder.Build());
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Endpoint = new Uri(address);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string target = context.Request.Headers["X-Amz-Target"].ToString();
        string operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        _calls.Enqueue(new RecordedCall(operation, body!.AsObject()));

        context.Response.StatusCode = 200;
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
