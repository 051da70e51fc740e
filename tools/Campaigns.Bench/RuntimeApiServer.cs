using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Bench;

/// <summary>
/// A minimal Lambda Runtime API on several loopback ports, one per concurrently measured process, so
/// the port a request arrives on says which process sent it. Timestamps are taken at the earliest point.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<int, RuntimeSlot> _slots = [];

    private RuntimeApiServer(WebApplication app) => _app = app;

    public IReadOnlyCollection<RuntimeSlot> Slots => _slots.Values;

    public static async Task<RuntimeApiServer> StartAsync(int slots)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (int i = 0; i < slots; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });
        var server = new RuntimeApiServer(builder.Build());
        server.MapRoutes();
        await server._app.StartAsync();
        foreach (string address in server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
        {
            int port = new Uri(address).Port;
            server._slots[port] = new RuntimeSlot { Port = port };
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.MapGet("/2018-06-01/runtime/invocation/next", NextAsync);
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (HttpContext http, string id) => CompleteAsync(http, id, succeeded: true));
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (HttpContext http, string id) => CompleteAsync(http, id, succeeded: false));
        _app.MapPost("/2018-06-01/runtime/init/error", async (HttpContext http) =>
        {
            var slot = SlotOf(http);
            string body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            await Console.Error.WriteLineAsync($"init error on port {slot.Port}: {body}");
            return Results.Accepted();
        });
    }

    private async Task NextAsync(HttpContext http)
    {
        long arrived = Stopwatch.GetTimestamp();
        var slot = SlotOf(http);
        slot.SignalNext(arrived);
        var invocation = await slot.Pending.ReadAsync(http.RequestAborted);
        slot.ResetNextSignal();
        slot.Current = invocation;
        http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:000000000000:function:bench";
        http.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = invocation.Payload.Length;
        invocation.HandedAt = Stopwatch.GetTimestamp();
        await http.Response.Body.WriteAsync(invocation.Payload, http.RequestAborted);
    }

    private async Task<IResult> CompleteAsync(HttpContext http, string id, bool succeeded)
    {
        long completed = Stopwatch.GetTimestamp();
        var slot = SlotOf(http);
        string body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        if (slot.Current is not { } invocation || invocation.RequestId != id)
        {
            return Results.BadRequest();
        }

        slot.Current = null;
        invocation.Complete(completed, succeeded, body);
        return Results.Accepted();
    }

    private RuntimeSlot SlotOf(HttpContext http) => _slots[http.Connection.LocalPort];
}
