using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Campaigns.Bench;

/// <summary>
/// Accepts TLS on a loopback port and relays the decrypted bytes to DynamoDB Local over plain TCP, one
/// upstream connection per client connection, so the functions pay for a real handshake and certificate
/// validation without DynamoDB Local having to speak TLS.
/// </summary>
internal sealed class TlsTerminator : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly SslServerAuthenticationOptions _authentication;
    private readonly string _backendHost;
    private readonly int _backendPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _connectionsLock = new();
    private readonly HashSet<Task> _connections = [];
    private Task _acceptLoop = Task.CompletedTask;

    private TlsTerminator(TcpListener listener, X509Certificate2 certificate, Uri backend)
    {
        _listener = listener;
        _backendHost = backend.Host;
        _backendPort = backend.Port;
        _authentication = new SslServerAuthenticationOptions
        {
            // offline: the chain is built once here from what is at hand; nothing is fetched.
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true),
            ClientCertificateRequired = false,
        };
    }

    /// <summary>The URL the functions call; <c>localhost</c> so the client checks a DNS name, as it would against AWS.</summary>
    public string Endpoint => "https://localhost:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TlsTerminator Start(Uri backend, X509Certificate2 certificate)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var terminator = new TlsTerminator(listener, certificate, backend);
        terminator._acceptLoop = terminator.AcceptAsync();
        return terminator;
    }

    private async Task AcceptAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = RelayAsync(client, stopping);
            lock (_connectionsLock)
            {
                _connections.Add(connection);
            }

            _ = connection.ContinueWith(
                done =>
                {
                    lock (_connectionsLock)
                    {
                        _connections.Remove(done);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken stopping)
    {
        using var _ = client;
        client.NoDelay = true;
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsServerAsync(_authentication, stopping);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await Console.Error.WriteLineAsync($"tls terminator: handshake failed: {e.Message}");
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var backend = new TcpClient { NoDelay = true };
        try
        {
            await backend.ConnectAsync(_backendHost, _backendPort, stopping);
            var upstream = backend.GetStream();

            // HTTP/1.1 request and response: when either side closes (the SDK drops an idle connection,
            // a killed function's socket resets, DynamoDB Local times one out) the connection is over.
            using var pair = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var requests = CopyAsync(tls, upstream, pair.Token);
            var responses = CopyAsync(upstream, tls, pair.Token);
            var first = await Task.WhenAny(requests, responses);
            await pair.CancelAsync();

            // .NET clients check the server certificate after the TLS handshake has completed, so a client
            // that rejects it does not fail the handshake here: it just hangs up before sending a byte.
            if (first == requests && requests.IsCompletedSuccessfully && requests.Result == 0)
            {
                await Console.Error.WriteLineAsync("tls terminator: a client closed its connection without sending a request (did it reject the certificate?)");
            }

            await Task.WhenAll(requests, responses);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A connection torn down from either end mid-copy: the normal end of a killed cold-start process.
        }
    }

    private static async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] open;
        lock (_connectionsLock)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open);
        _listener.Dispose();
        _stopping.Dispose();
    }
}
