using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Cli;

/// <summary>Parsed options, a request for help, or what was wrong with the arguments.</summary>
internal sealed record CommandLineResult(EmulatorOptions? Options, bool ShowHelp, string? Error)
{
    public static CommandLineResult Help { get; } = new(null, true, null);

    public static CommandLineResult Invalid(string error) => new(null, false, error);
}
