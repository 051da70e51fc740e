using System.Runtime.InteropServices;

namespace Campaigns.Bench;

/// <summary>Which zip the budget's zip line reads for each function of a run.</summary>
internal static class ZipFigures
{
    /// <summary>
    /// The packaged zips when the run was given them (--zips, --arm64-zips), otherwise a zip of this run's
    /// own aot binary at .NET's smallest deflate, on this machine's architecture: a figure, not the zip that
    /// ships (packaging deflates with 7-Zip's encoder), so it never decides the line.
    /// </summary>
    public static Dictionary<string, ZipFigure> For(IEnumerable<Summary> summaries, PackagedZips? packaged, string hostArchitecture) =>
        summaries.Where(s => s.Variant == "aot").ToDictionary(
            s => s.Function,
            s => packaged?.For(s.Function) ?? new ZipFigure(s.ZipBytes, hostArchitecture, "this run's aot binary, not a packaged zip", Packaged: false),
            StringComparer.Ordinal);

    /// <summary>This machine's architecture as package and Lambda name it.</summary>
    public static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.X64 => "x64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
