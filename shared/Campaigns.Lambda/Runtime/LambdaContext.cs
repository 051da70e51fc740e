namespace Campaigns.Lambda.Runtime;

/// <summary>What the Runtime API says about the invocation being served.</summary>
public sealed class LambdaContext
{
    public LambdaContext(
        string requestId,
        DateTimeOffset deadline,
        string invokedFunctionArn,
        string? traceId,
        string functionName)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(invokedFunctionArn);
        ArgumentNullException.ThrowIfNull(functionName);
        RequestId = requestId;
        Deadline = deadline;
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
        FunctionName = functionName;
    }

    public string RequestId { get; }

    /// <summary>When Lambda ends the invocation as timed out (from <c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    public DateTimeOffset Deadline { get; }

    public string InvokedFunctionArn { get; }

    /// <summary>The X-Ray trace header value, e.g. <c>Root=1-…;Parent=…;Sampled=1</c>, when there is one.</summary>
    public string? TraceId { get; }

    public string FunctionName { get; }
}
