using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>
/// A minimal HTTP/1.1 Runtime API on a real loopback socket: answers each <c>next</c> with the next queued raw
/// response (500 when none are left) and every post with 202, recording all requests.
/// </summary>
internal sealed class TcpRuntimeApiServer : IAsyncDisposable
{
    private const string InternalServerError = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
    private const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _nextResponses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void EnqueueInvocation(string requestId, string body, DateTimeOffset deadline) =>
        _nextResponses.Enqueue(
            "HTTP/1.1 200 OK\r\n"
            + $"Lambda-Runtime-Aws-Request-Id: {requestId}\r\n"
            + $"Lambda-Runtime-Deadline-Ms: {deadline.ToUnixTimeMilliseconds()}\r\n"
            + $"Lambda-Runtime-Invoked-Function-Arn: {FakeRuntimeApi.FunctionArn}\r\n"
            + "Content-Type: application/json\r\n"
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n"
            + body);

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stoppingToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(stoppingToken);
                connections.Add(ServeConnectionAsync(client, stoppingToken));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeConnectionAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                while (await RawHttpRequest.ReadAsync(stream, stoppingToken) is { } request)
                {
                    _requests.Enqueue(request);
                    var answer = request.Method != "GET" ? Accepted
                        : _nextResponses.TryDequeue(out var queued) ? queued
                        : InternalServerError;
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(answer), stoppingToken);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client closed the connection or the server is stopping.
            }
        }
    }
}
