namespace Campaigns.Bench;

/// <summary>
/// The trust store handed to the functions, in a temporary folder deleted with this object:
/// a PEM file for SSL_CERT_FILE and an empty folder for SSL_CERT_DIR.
/// </summary>
internal sealed class TrustFiles : IDisposable
{
    // Where the distributions keep the bundle OpenSSL loads by default: Debian/Ubuntu, Amazon Linux/RHEL,
    // Alpine, openSUSE.
    private static readonly string[] SystemBundles =
    [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/cert.pem",
        "/etc/ssl/ca-bundle.pem",
    ];

    private readonly DirectoryInfo _root;

    private TrustFiles(DirectoryInfo root, string certificateFile, string certificateDirectory)
    {
        _root = root;
        CertificateFile = certificateFile;
        CertificateDirectory = certificateDirectory;
    }

    public string CertificateFile { get; }

    /// <summary>
    /// Empty on purpose. .NET on Linux builds its root store from SSL_CERT_FILE and from every file in
    /// SSL_CERT_DIR, which defaults to OpenSSL's certificate folder (/etc/ssl/certs on Debian: one file per
    /// CA plus the bundle again). Left at its default, "minimal" would still parse hundreds of
    /// certificates; pointed here, the store is exactly what <see cref="CertificateFile"/> holds.
    /// </summary>
    public string CertificateDirectory { get; }

    public static TrustFiles Write(TlsMode mode, string authorityPem)
    {
        var root = Directory.CreateTempSubdirectory("campaigns-bench-tls-");
        try
        {
            string certificateDirectory = root.CreateSubdirectory("certs").FullName;
            string certificateFile = Path.Combine(root.FullName, mode == TlsMode.Bundle ? "bundle.pem" : "bench-ca.pem");
            string content = mode switch
            {
                TlsMode.Bundle => File.ReadAllText(SystemBundle()).TrimEnd() + "\n" + authorityPem,
                TlsMode.Minimal => authorityPem,
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "no trust files without TLS"),
            };
            File.WriteAllText(certificateFile, content.EndsWith('\n') ? content : content + "\n");
            return new TrustFiles(root, certificateFile, certificateDirectory);
        }
        catch
        {
            root.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string SystemBundle() =>
        SystemBundles.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("--tls bundle needs the system CA bundle, but none of these exists: " + string.Join(", ", SystemBundles));
}
