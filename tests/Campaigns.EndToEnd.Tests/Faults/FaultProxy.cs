using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Campaigns.EndToEnd.Tests.Faults;

/// <summary>
/// A loopback TCP proxy in front of DynamoDB Local that can pass traffic through (recording requests),
/// stall, or answer with throttling errors: the faults a function must survive.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private const string ThrottleResponseBody = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate of requests exceeds the allowed throughput.\"}";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _recorded = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    public FaultProxy(Uri target, ProxyMode mode)
    {
        _target = target;
        Mode = mode;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public ProxyMode Mode { get; set; }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Requests { get; private set; }

    /// <summary>Everything clients sent through, as text (DynamoDB's protocol is HTTP/1.1 with JSON).</summary>
    public string Recorded
    {
        get
        {
            lock (_recorded)
            {
                return _recorded.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        await Task.WhenAll(_connections.ToArray()).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                switch (Mode)
                {
                    case ProxyMode.Stall:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        break;
                    case ProxyMode.Throttle:
                        await ThrottleAsync(stream);
                        break;
                    default:
                        await ForwardAsync(stream);
                        break;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client or the proxy went away; the fault under test is exactly that.
            }
        }
    }

    private async Task ThrottleAsync(NetworkStream stream)
    {
        var buffer = new byte[64 * 1024];
        while (await ReadRequestAsync(stream, buffer) > 0)
        {
            Requests++;
            string response = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "x-amzn-ErrorType: ThrottlingException\r\nx-amzn-RequestId: proxy\r\n"
                + $"Content-Length: {ThrottleResponseBody.Length}\r\n\r\n{ThrottleResponseBody}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
        }
    }

    private async Task ForwardAsync(NetworkStream client)
    {
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token);
        var server = upstream.GetStream();
        var toServer = PumpAsync(client, server, record: true);
        var toClient = PumpAsync(server, client, record: false);
        await Task.WhenAny(toServer, toClient);
    }

    private async Task PumpAsync(Stream from, Stream to, bool record)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (record)
            {
                lock (_recorded)
                {
                    _recorded.Append(Encoding.UTF8.GetString(buffer, 0, read));
                }
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    /// <summary>Reads one HTTP request (headers, then Content-Length bytes of body); 0 at end of stream.</summary>
    private async Task<int> ReadRequestAsync(NetworkStream stream, byte[] buffer)
    {
        int total = 0;
        int headerEnd = -1;
        while (headerEnd < 0)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(total), _stop.Token);
            if (read == 0)
            {
                return 0;
            }

            total += read;
            headerEnd = Encoding.ASCII.GetString(buffer, 0, total).IndexOf("\r\n\r\n", StringComparison.Ordinal);
        }

        string headers = Encoding.ASCII.GetString(buffer, 0, headerEnd);
        int length = headers.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (total < headerEnd + 4 + length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(total), _stop.Token);
            if (read == 0)
            {
                return 0;
            }

            total += read;
        }

        return total;
    }
}
