using System.Diagnostics;

namespace Campaigns.Bench;

/// <summary>How one variant's binary for a function is found and started.</summary>
internal sealed record Variant(string Name, string Directory)
{
    /// <summary>The file whose size is reported: the native binary, the managed entry assembly for jit, the bundle for node.</summary>
    public string BinaryPath(string function) => Name switch
    {
        "aot" => Path.Combine(Directory, function, "bootstrap"),
        "jit" => Path.Combine(Directory, function, "bootstrap.dll"),
        "node" => Path.Combine(Directory, function + ".mjs"),
        "floor" or "bound" => Path.Combine(Directory, "bootstrap"),
        _ => throw new ArgumentException("unknown variant " + Name),
    };

    /// <summary>jit and node run under their runtimes (dotnet, node on PATH); aot, floor and bound are the executables themselves.</summary>
    public ProcessStartInfo StartInfo(string function) => Name switch
    {
        "jit" => new ProcessStartInfo("dotnet", [BinaryPath(function)]),
        "node" => new ProcessStartInfo("node", [BinaryPath(function)]),
        _ => new ProcessStartInfo(BinaryPath(function)),
    };

    /// <summary>
    /// What the variant's runtime needs on top of the bench's environment for functions. Node.js trusts its
    /// own CA list, not SSL_CERT_FILE: the bench's CA (--tls) reaches it as NODE_EXTRA_CA_CERTS.
    /// </summary>
    public Dictionary<string, string> RuntimeEnvironment(IReadOnlyDictionary<string, string> environment) =>
        Name == "node" && environment.TryGetValue("SSL_CERT_FILE", out string? authority)
            ? new() { ["NODE_EXTRA_CA_CERTS"] = authority }
            : [];
}
