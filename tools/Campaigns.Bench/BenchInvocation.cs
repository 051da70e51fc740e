namespace Campaigns.Bench;

/// <summary>One event on its way through a function process, with the moments that matter.</summary>
internal sealed class BenchInvocation(string requestId, byte[] payload)
{
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public long HandedAt { get; set; }

    public long CompletedAt { get; private set; }

    public string? ResponseBody { get; private set; }

    /// <summary>A response (not an error) was posted.</summary>
    public bool Responded { get; private set; }

    public Task<bool> Done => _done.Task;

    public void Complete(long at, bool succeeded, string body)
    {
        CompletedAt = at;
        ResponseBody = body;
        Responded = succeeded;
        _done.TrySetResult(succeeded);
    }
}
