namespace Campaigns.Bench;

/// <summary>How the functions reach DynamoDB Local: directly, or over TLS with a given trust store.</summary>
internal enum TlsMode
{
    /// <summary>Plain HTTP straight to DynamoDB Local.</summary>
    Off,

    /// <summary>TLS, trusting the system CA bundle plus the bench CA: the full store OpenSSL loads on AL2023.</summary>
    Bundle,

    /// <summary>TLS, trusting the bench CA alone: the "small SSL_CERT_FILE" workaround.</summary>
    Minimal,
}
