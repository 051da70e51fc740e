using System.Globalization;

namespace Campaigns.Bench;

internal sealed class BenchOptions
{
    public int ColdRuns { get; private set; } = 20;

    public int WarmRuns { get; private set; } = 200;

    public IReadOnlyList<string> Functions { get; private set; } = ["list_campaigns", "get_campaign", "create_campaign", "update_campaign", "delete_campaign"];

    /// <summary>aot, jit, floor and bound; with node when a <c>--node-dir</c> is given (./build.sh bench gives one when Node.js 20+ is on PATH).</summary>
    public IReadOnlyList<string> Variants { get; private set; } = ["aot", "jit", "floor", "bound"];

    public string OutputDirectory { get; private set; } = "docs/bench";

    /// <summary>Folder per variant holding <c>&lt;function&gt;/bootstrap</c> (aot), <c>&lt;function&gt;/bootstrap.dll</c> (jit), <c>&lt;function&gt;.mjs</c> (node) or <c>bootstrap</c> (floor, bound).</summary>
    public Dictionary<string, string> VariantDirectories { get; } = new(StringComparer.Ordinal);

    /// <summary>Packaged zips (a folder ./build.sh package wrote) whose sizes the budget's zip line reads, if any.</summary>
    public string? ZipsDirectory { get; private set; }

    /// <summary>The aot binaries were unzipped from <see cref="ZipsDirectory"/> rather than published for this run.</summary>
    public bool AotFromZips { get; private set; }

    public string DynamoDbEndpoint { get; private set; } = string.Empty;

    /// <summary>What the functions should call instead of <see cref="DynamoDbEndpoint"/> (a TLS terminator in front of it), if anything.</summary>
    public string? FunctionDynamoDbEndpoint { get; private set; }

    public string? CertificateFile { get; private set; }

    /// <summary>SSL_CERT_DIR for the functions, if any; see <see cref="TrustFiles.CertificateDirectory"/>.</summary>
    public string? CertificateDirectory { get; private set; }

    /// <summary>With anything but <see cref="TlsMode.Off"/>, the bench puts its own TLS terminator in front of DynamoDB Local.</summary>
    public TlsMode Tls { get; private set; } = TlsMode.Off;

    /// <summary>How the functions reached DynamoDB, as the reports name it: off, bundle, minimal, or custom for an endpoint given by hand.</summary>
    public string TlsLabel => Tls switch
    {
        TlsMode.Bundle => "bundle",
        TlsMode.Minimal => "minimal",
        _ => FunctionDynamoDbEndpoint is null ? "off" : "custom",
    };

    public string AotFramework { get; private set; } = "unknown";

    /// <summary>Processes of the run that the bench did not start (DynamoDB Local): the load gate leaves them out.</summary>
    public List<int> OwnPids { get; } = [];

    public int MemorySizeMb { get; private set; } = 256;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        bool variantsGiven = false;
        for (int i = 0; i < args.Count; i++)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--cold": options.ColdRuns = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warm": options.WarmRuns = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--functions": options.Functions = value.Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--variants": options.Variants = value.Split(',', StringSplitOptions.RemoveEmptyEntries); variantsGiven = true; break;
                case "--out": options.OutputDirectory = value; break;
                case "--aot-dir": options.VariantDirectories["aot"] = value; break;
                case "--jit-dir": options.VariantDirectories["jit"] = value; break;
                case "--floor-dir": options.VariantDirectories["floor"] = value; break;
                case "--bound-dir": options.VariantDirectories["bound"] = value; break;
                case "--node-dir": options.VariantDirectories["node"] = value; break;
                case "--zips": options.ZipsDirectory = value; options.AotFromZips = true; break;
                case "--arm64-zips": options.ZipsDirectory = value; break;
                case "--dynamodb-endpoint": options.DynamoDbEndpoint = value; break;
                case "--function-dynamodb-endpoint": options.FunctionDynamoDbEndpoint = value; break;
                case "--ca-file": options.CertificateFile = value; break;
                case "--tls": options.Tls = ParseTls(value); break;
                case "--aot-framework": options.AotFramework = value; break;
                case "--own-pid": options.OwnPids.Add(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--memory-mb": options.MemorySizeMb = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }

            i++;
        }

        if (!variantsGiven && options.VariantDirectories.ContainsKey("node"))
        {
            options.Variants = ["aot", "jit", "node", "floor", "bound"];
        }

        if (options.ColdRuns < 1 || options.WarmRuns < 1 || options.DynamoDbEndpoint.Length == 0)
        {
            throw new ArgumentException("--cold and --warm must be at least 1 and --dynamodb-endpoint is required");
        }

        if (options.Tls != TlsMode.Off && (options.FunctionDynamoDbEndpoint is not null || options.CertificateFile is not null))
        {
            throw new ArgumentException("--tls sets up its own endpoint and CA file: drop --function-dynamodb-endpoint and --ca-file");
        }

        return options;
    }

    /// <summary>Points the functions at the bench's TLS terminator and the trust files made for <see cref="Tls"/>.</summary>
    public void UseTls(string endpoint, string certificateFile, string certificateDirectory)
    {
        FunctionDynamoDbEndpoint = endpoint;
        CertificateFile = certificateFile;
        CertificateDirectory = certificateDirectory;
    }

    private static TlsMode ParseTls(string value) => value switch
    {
        "off" => TlsMode.Off,
        "bundle" => TlsMode.Bundle,
        "minimal" => TlsMode.Minimal,
        _ => throw new ArgumentException($"--tls must be off, bundle or minimal (got {value})"),
    };
}
