using System.Runtime.InteropServices;
using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Cli;

/// <summary>The command-line emulator: start, print the banner, run until Ctrl-C or SIGTERM, kill all children.</summary>
internal static class EmulatorCli
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CommandLine.Parse(args);
        if (parsed.ShowHelp)
        {
            await output.WriteLineAsync(CommandLine.Usage);
            return 0;
        }

        if (parsed.Options is not { } options)
        {
            await error.WriteLineAsync(parsed.Error);
            await error.WriteLineAsync(CommandLine.Usage);
            return 2;
        }

        options.Output = output;
        using var stopping = new CancellationTokenSource();
        // Cancel = true keeps the runtime from terminating at once, so the children are killed first.
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stopping.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options, stopping.Token);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or FormatException or System.Text.Json.JsonException)
        {
            await error.WriteLineAsync($"The emulator could not start: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before it had started: no function process exists yet.
            return 0;
        }

        await using (host)
        {
            await output.WriteLineAsync(Banner.For(host, options));
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping: killing function processes.");
            }
        }

        return 0;
    }
}
