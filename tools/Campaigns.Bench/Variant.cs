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
    /// What the variant's runtime needs on top of the bench's environment for functions. For node: Node.js
    /// trusts its own CA list, not SSL_CERT_FILE, so the bench's CA (--tls) goes in NODE_EXTRA_CA_CERTS; and
    /// the SDK's notice that later versions will need a newer Node.js, which it prints at every start, is
    /// switched off so that it does not drown the bench's output.
    /// </summary>
    public Dictionary<string, string> RuntimeEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        if (Name != "node")
        {
            return [];
        }

        var added = new Dictionary<string, string> { ["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true" };
        if (environment.TryGetValue("SSL_CERT_FILE", out string? authority))
        {
            added["NODE_EXTRA_CA_CERTS"] = authority;
        }

        return added;
    }
}
