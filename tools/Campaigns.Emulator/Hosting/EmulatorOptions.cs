using System.Diagnostics;

namespace Campaigns.Emulator.Hosting;

/// <summary>How an <see cref="EmulatorHost"/> serves the function table.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The HTTP API front's port on 127.0.0.1; 0 picks a free one (see <see cref="EmulatorHost.BaseAddress"/>).</summary>
    public int HttpPort { get; set; } = 3000;

    /// <summary>functions/functions.json: function name to method, path and whether the route needs a JWT.</summary>
    public string FunctionTablePath { get; set; } = string.Empty;

    /// <summary>Holds <c>&lt;name&gt;/bootstrap</c> for every function; <c>&lt;name&gt;</c> becomes LAMBDA_TASK_ROOT.</summary>
    public string FunctionsDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Replaces the default launch (<c>&lt;FunctionsDirectory&gt;/&lt;name&gt;/bootstrap</c>, working directory
    /// LAMBDA_TASK_ROOT), for example with <c>dotnet bootstrap.dll</c>. The factory may edit
    /// <see cref="FunctionLaunch.Environment"/>; the returned start info's own environment and stream settings
    /// are replaced by the emulator's, because a Lambda process inherits nothing from its host.
    /// </summary>
    public Func<FunctionLaunch, ProcessStartInfo>? LaunchOverride { get; set; }

    /// <summary>
    /// A program that starts each bootstrap, given its path as the one argument: <c>qemu-aarch64</c> runs
    /// arm64 binaries on an x64 machine. Null starts the bootstrap itself.
    /// </summary>
    public string? Launcher { get; set; }

    /// <summary>Extra environment for every function process (TABLE_NAME, AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION, keys…).</summary>
    public IDictionary<string, string> FunctionEnvironment { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The function timeout: the deadline handed to the runtime and when the emulator gives up (503).</summary>
    public TimeSpan FunctionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a process may take from spawn to its first <c>next</c> (Lambda's init phase allows 10 s).</summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An idle process (waiting in <c>next</c>) is killed after this long.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Processes per function; further concurrent requests wait in a queue.</summary>
    public int MaxConcurrencyPerFunction { get; set; } = 4;

    /// <summary>AWS_LAMBDA_FUNCTION_MEMORY_SIZE and the REPORT line's Memory Size. Not enforced.</summary>
    public int MemorySizeMb { get; set; } = 256;

    /// <summary>AWS_LAMBDA_LOG_FORMAT: <c>Text</c> or <c>JSON</c>; also the shape of the emulator's REPORT records.</summary>
    public string LogFormat { get; set; } = "Text";

    /// <summary>When set, this file is served at <c>/openapi.yaml</c>.</summary>
    public string? OpenApiPath { get; set; }

    /// <summary>When set, this HTML page (the rendered reference of the contract) is served at <c>/docs</c>.</summary>
    public string? DocsPath { get; set; }

    /// <summary>Function output, REPORT lines and the emulator's own log lines.</summary>
    public TextWriter Output { get; set; } = Console.Out;
}
