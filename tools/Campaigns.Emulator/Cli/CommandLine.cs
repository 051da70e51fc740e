using System.Globalization;
using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Cli;

internal static class CommandLine
{
    public const string Usage = """
        Usage: Campaigns.Emulator --functions-dir DIR [options]

          --functions-dir DIR      holds <name>/bootstrap for every function (required)
          --function-table FILE    the function table (default functions/functions.json)
          --port N                 HTTP API port on 127.0.0.1 (default 3000; 0 = any free port)
          --openapi FILE           serve FILE at /openapi.yaml
          --docs FILE              serve FILE, an HTML page, at /docs (the contract's rendered reference)
          --env KEY=VALUE          environment for every function process (repeatable)
          --timeout-seconds S      function timeout (default 10)
          --idle-seconds S         kill processes idle this long (default 300)
          --max-concurrency N      processes per function (default 4)
          --memory-mb N            AWS_LAMBDA_FUNCTION_MEMORY_SIZE (default 256)
          --log-format F           Text or JSON (default Text)
          --launcher PROGRAM       start each bootstrap as PROGRAM <bootstrap> (e.g. qemu-aarch64 for arm64 on x64)
        """;

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions { FunctionTablePath = Path.Combine("functions", "functions.json") };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return CommandLineResult.Help;
            }

            if (i + 1 >= args.Count)
            {
                return CommandLineResult.Invalid($"{name} needs a value.");
            }

            var error = Apply(options, name, args[++i]);
            if (error is not null)
            {
                return CommandLineResult.Invalid(error);
            }
        }

        return string.IsNullOrEmpty(options.FunctionsDirectory)
            ? CommandLineResult.Invalid("--functions-dir is required.")
            : new CommandLineResult(options, false, null);
    }

    private static string? Apply(EmulatorOptions options, string name, string value)
    {
        switch (name)
        {
            case "--functions-dir":
                options.FunctionsDirectory = value;
                return null;
            case "--function-table":
                options.FunctionTablePath = value;
                return null;
            case "--openapi":
                options.OpenApiPath = value;
                return null;
            case "--docs":
                options.DocsPath = value;
                return null;
            case "--port":
                return Integer(value, 0, 65535, name, port => options.HttpPort = port);
            case "--max-concurrency":
                return Integer(value, 1, 1000, name, max => options.MaxConcurrencyPerFunction = max);
            case "--memory-mb":
                return Integer(value, 128, 10240, name, memory => options.MemorySizeMb = memory);
            case "--timeout-seconds":
                return Seconds(value, name, timeout => options.FunctionTimeout = timeout);
            case "--idle-seconds":
                return Seconds(value, name, idle => options.IdleTimeout = idle);
            case "--log-format":
                return LogFormat(options, value);
            case "--launcher":
                options.Launcher = value;
                return null;
            case "--env":
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return $"--env expects KEY=VALUE, not '{value}'.";
                }

                options.FunctionEnvironment[value[..equals]] = value[(equals + 1)..];
                return null;
            default:
                return $"Unknown option '{name}'.";
        }
    }

    private static string? LogFormat(EmulatorOptions options, string value)
    {
        if (string.Equals(value, "text", StringComparison.OrdinalIgnoreCase))
        {
            options.LogFormat = "Text";
            return null;
        }

        if (string.Equals(value, "json", StringComparison.OrdinalIgnoreCase))
        {
            options.LogFormat = "JSON";
            return null;
        }

        return $"--log-format must be Text or JSON, not '{value}'.";
    }

    private static string? Integer(string value, int min, int max, string name, Action<int> apply)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            return $"{name} must be a whole number from {min} to {max}, not '{value}'.";
        }

        apply(number);
        return null;
    }

    private static string? Seconds(string value, string name, Action<TimeSpan> apply)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 86400)
        {
            return $"{name} must be a positive number of seconds, not '{value}'.";
        }

        apply(TimeSpan.FromSeconds(seconds));
        return null;
    }
}
