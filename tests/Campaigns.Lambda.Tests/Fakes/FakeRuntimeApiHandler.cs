using System.Globalization;
using System.Net;
using System.Text;

namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>
/// An in-memory Lambda Runtime API: serves queued answers to <c>next</c>, answers posts with
/// <see cref="PostStatus"/>, and records every request. With nothing queued, <c>next</c> answers 500
/// (so the runtime under test exits) unless <see cref="HangWhenExhausted"/> is set.
/// </summary>
// Kept beside Campaigns.RuntimeApi's server: a fake of the client's transport, it can answer what no real server would (403, a missing header, a thrown send).
internal sealed class FakeRuntimeApiHandler : HttpMessageHandler
{
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:test-function";

    private readonly Queue<Func<HttpResponseMessage>> _next = new();
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    public IEnumerable<RecordedRequest> Posts => _requests.Where(r => r.Method == "POST");

    public Func<RecordedRequest, HttpStatusCode> PostStatus { get; set; } = _ => HttpStatusCode.Accepted;

    public bool HangWhenExhausted { get; set; }

    /// <summary>Completes once a <c>next</c> request is waiting with nothing queued.</summary>
    public Task Hanging => _hanging.Task;

    public void EnqueueInvocation(string requestId, string body, DateTimeOffset deadline, string? traceId = null) =>
        _next.Enqueue(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("Lambda-Runtime-Aws-Request-Id", requestId);
            response.Headers.Add(
                "Lambda-Runtime-Deadline-Ms",
                deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("Lambda-Runtime-Invoked-Function-Arn", FunctionArn);
            if (traceId is not null)
            {
                response.Headers.Add("Lambda-Runtime-Trace-Id", traceId);
            }

            return response;
        });

    public void EnqueueNext(Func<HttpResponseMessage> answer) => _next.Enqueue(answer);

    public void EnqueueNextFailure(Exception exception) => _next.Enqueue(() => throw exception);

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordedRequest.FromAsync(request, cancellationToken);
        _requests.Add(recorded);
        if (recorded.Method == "POST")
        {
            return new HttpResponseMessage(PostStatus(recorded));
        }

        if (_next.TryDequeue(out var answer))
        {
            return answer();
        }

        if (!HangWhenExhausted)
        {
            return new HttpResponseMessage(HttpStatusCode.InternalServerError);
        }

        _hanging.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
    }
}
