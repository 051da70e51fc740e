namespace Campaigns.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime, which would stop the web server on Ctrl-C by itself (before the function
/// processes are killed) and would install signal handlers inside test runners. Whoever owns the
/// <see cref="EmulatorHost"/> decides when it stops.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
