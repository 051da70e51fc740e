using Campaigns.Emulator.Runtime;
using Campaigns.RuntimeApi;

namespace Campaigns.Emulator.Hosting;

/// <summary>
/// Every listener shares one pipeline; the local port tells a Runtime API call (one port per process slot)
/// from an HTTP API request (any other port).
/// </summary>
internal sealed class RequestDispatcher
{
    private volatile RequestWiring? _wiring;

    public void Attach(RequestWiring wiring) => _wiring = wiring;

    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wiring = _wiring;
        if (wiring is null)
        {
            // Only possible in the instant between binding the ports and learning which is which.
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        }

        return wiring.Slots.TryGetValue(context.Connection.LocalPort, out var slot)
            ? RuntimeApiEndpoint.HandleAsync(context, slot)
            : wiring.Front.HandleAsync(context);
    }
}
