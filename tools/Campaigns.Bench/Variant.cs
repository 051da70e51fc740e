using System.Diagnostics;

namespace Campaigns.Bench;

/// <summary>How one variant's binary for a function is found and started.</summary>
internal sealed record Variant(string Name, string Directory)
{
    /// <summary>The file whose size is reported: the native binary, or the managed entry assembly for jit.</summary>
    public string BinaryPath(string function) => Name switch
    {
        "aot" => Path.Combine(Directory, function, "bootstrap"),
        "jit" => Path.Combine(Directory, function, "bootstrap.dll"),
        "floor" or "bound" => Path.Combine(Directory, "bootstrap"),
        _ => throw new ArgumentException("unknown variant " + Name),
    };

    /// <summary>jit runs as the managed runtime would start it; aot, floor and bound are the executables themselves.</summary>
    public ProcessStartInfo StartInfo(string function) => Name == "jit"
        ? new ProcessStartInfo("dotnet", [BinaryPath(function)])
        : new ProcessStartInfo(BinaryPath(function));
}
