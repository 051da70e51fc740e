using System.Runtime.InteropServices;

namespace Campaigns.Bench;

/// <summary>Which zip the budget's zip line reads for each function of a run.</summary>
internal static class ZipFigures
{
    /// <summary>
    /// The packaged zips when the run was given them (--zips), otherwise the zip of this run's own aot
    /// binary, compressed as package compresses it, on this machine's architecture.
    /// </summary>
    public static Dictionary<string, ZipFigure> For(IEnumerable<Summary> summaries, PackagedZips? packaged, string hostArchitecture) =>
        summaries.Where(s => s.Variant == "aot").ToDictionary(
            s => s.Function,
            s => packaged?.For(s.Function) ?? new ZipFigure(s.ZipBytes, hostArchitecture, "this run's aot binary"),
            StringComparer.Ordinal);

    /// <summary>This machine's architecture as package and Lambda name it.</summary>
    public static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X64 => "x64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
