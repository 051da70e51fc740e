using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Campaigns.Emulator.Hosting;

/// <summary>
/// Kestrel bound to 127.0.0.1 only: the HTTP API port plus one ephemeral port per process slot. Binding them
/// all up front means a process never waits for a port and the OS picks free ones.
/// </summary>
internal sealed class WebServer
{
    // Filled by Kestrel's configuration callback, which runs when the server starts.
    private readonly List<ListenOptions> _runtime = [];
    private ListenOptions? _front;

    private WebServer(int httpPort, int runtimeSlots, RequestDispatcher dispatcher)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime>(new PassiveHostLifetime());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Both faces enforce their own limits (10 MB requests, 6 MB Runtime API payloads) with AWS's answers.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => _front = listen);
            for (var i = 0; i < runtimeSlots; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    _runtime.Add(listen);
                });
            }
        });
        App = builder.Build();
        App.Run(dispatcher.HandleAsync);
    }

    public WebApplication App { get; }

    /// <summary>The bound port of the HTTP API (Kestrel writes the real port back for port 0); valid once started.</summary>
    public int FrontPort => _front?.IPEndPoint?.Port ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The bound Runtime API ports, one per slot; valid once started.</summary>
    public IReadOnlyList<int> RuntimePorts => [.. _runtime.Select(r => r.IPEndPoint!.Port)];

    public static WebServer Create(int httpPort, int runtimeSlots, RequestDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return new WebServer(httpPort, runtimeSlots, dispatcher);
    }
}
