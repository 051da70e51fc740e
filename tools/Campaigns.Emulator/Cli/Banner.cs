using System.Globalization;
using System.Text;
using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Cli;

internal static class Banner
{
    public static string For(EmulatorHost host, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.AppendLine("Campaigns emulator: API Gateway HTTP API (payload 2.0) + Lambda Runtime API, for local use only");
        text.AppendLine(CultureInfo.InvariantCulture, $"Listening on {host.BaseAddress}");
        foreach (var route in host.Routes)
        {
            var jwt = route.RequiresJwt ? "  [JWT]" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"  {route.Method,-7} {route.Path,-28} -> {route.FunctionName}{jwt}");
        }

        if (options.OpenApiPath is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  GET     /openapi.yaml                -> {options.OpenApiPath}");
        }

        if (options.DocsPath is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  GET     /docs                        -> {options.DocsPath}");
        }

        if (host.Routes.Any(r => r.RequiresJwt))
        {
            text.AppendLine("WARNING: [JWT] routes decode the Bearer token's claims WITHOUT verifying it. Never expose this port.");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Functions: {Path.GetFullPath(options.FunctionsDirectory)}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Timeout {options.FunctionTimeout.TotalSeconds} s, idle {options.IdleTimeout.TotalSeconds} s, up to {options.MaxConcurrencyPerFunction} processes per function, {options.MemorySizeMb} MB, log format {options.LogFormat}");
        text.Append("Press Ctrl-C to stop.");
        return text.ToString();
    }
}
