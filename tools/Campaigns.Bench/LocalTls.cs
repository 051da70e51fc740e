namespace Campaigns.Bench;

/// <summary>
/// Everything <c>--tls</c> sets up for one run: the bench CA, the trust files the functions are given
/// and the terminator in front of DynamoDB Local. Disposing it stops the terminator and deletes the files.
/// </summary>
internal sealed class LocalTls : IAsyncDisposable
{
    private readonly BenchCertificates _certificates;
    private readonly TrustFiles _trust;
    private readonly TlsTerminator _terminator;

    private LocalTls(BenchCertificates certificates, TrustFiles trust, TlsTerminator terminator)
    {
        _certificates = certificates;
        _trust = trust;
        _terminator = terminator;
    }

    public string Endpoint => _terminator.Endpoint;

    public string CertificateFile => _trust.CertificateFile;

    public string CertificateDirectory => _trust.CertificateDirectory;

    public static LocalTls Start(TlsMode mode, string dynamoDbEndpoint)
    {
        var certificates = BenchCertificates.Create();
        TrustFiles? trust = null;
        try
        {
            trust = TrustFiles.Write(mode, certificates.AuthorityPem);
            return new LocalTls(certificates, trust, TlsTerminator.Start(new Uri(dynamoDbEndpoint), certificates.Server));
        }
        catch
        {
            trust?.Dispose();
            certificates.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _terminator.DisposeAsync();
        _trust.Dispose();
        _certificates.Dispose();
    }
}
