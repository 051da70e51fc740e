using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Campaigns.RuntimeApi;

/// <summary>
/// The Runtime API on its own loopback ports, one per backend, so the port a request arrives on says which
/// process sent it. For hosts that serve nothing else; the emulator, which shares its server with the HTTP
/// API, calls <see cref="RuntimeApiEndpoint"/> from its own.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<int, IRuntimeApiBackend> _backends = [];

    private RuntimeApiServer(WebApplication app) => _app = app;

    /// <summary>The bound ports, in the order of the backends given.</summary>
    public IReadOnlyList<int> Ports { get; private set; } = [];

    public static async Task<RuntimeApiServer> StartAsync(IReadOnlyList<IRuntimeApiBackend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var listeners = new List<ListenOptions>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The endpoint enforces the 6 MB payload limit with the Runtime API's own answer.
            kestrel.Limits.MaxRequestBodySize = null;
            foreach (var _ in backends)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listeners.Add(listen);
                });
            }
        });
        var server = new RuntimeApiServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.Ports = [.. listeners.Select(l => l.IPEndPoint!.Port)];
        for (var i = 0; i < backends.Count; i++)
        {
            server._backends[server.Ports[i]] = backends[i];
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context) =>
        _backends.TryGetValue(context.Connection.LocalPort, out var backend)
            ? RuntimeApiEndpoint.HandleAsync(context, backend)
            : Task.CompletedTask;
}
