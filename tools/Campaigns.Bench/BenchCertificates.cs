using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Campaigns.Bench;

/// <summary>
/// A throw-away CA and a <c>localhost</c> server certificate it signs, made in memory for one run.
/// ECDSA P-256 keeps generation and handshakes cheap, so the bench's own side adds little to the
/// functions' first call.
/// </summary>
internal sealed class BenchCertificates : IDisposable
{
    private BenchCertificates(string authorityPem, X509Certificate2 server)
    {
        AuthorityPem = authorityPem;
        Server = server;
    }

    /// <summary>The CA certificate, PEM-encoded, for the functions' SSL_CERT_FILE.</summary>
    public string AuthorityPem { get; }

    /// <summary>The server certificate with its private key, for the terminator.</summary>
    public X509Certificate2 Server { get; }

    public static BenchCertificates Create()
    {
        // A day either side absorbs clock skew between this process and the functions' validation.
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(1);

        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Campaigns bench CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, critical: false));
        using var authority = authorityRequest.CreateSelfSigned(notBefore, notAfter.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, critical: false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var signed = serverRequest.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(serverKey);

        // The key attached by CopyWithPrivateKey is ephemeral and tied to serverKey, disposed on return.
        // A round trip through PKCS#12 gives a certificate that owns its key, which SslStream can use
        // for the whole run (and which SChannel would insist on, were this ever run on Windows).
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
        return new BenchCertificates(authority.ExportCertificatePem(), server);
    }

    public void Dispose() => Server.Dispose();
}
