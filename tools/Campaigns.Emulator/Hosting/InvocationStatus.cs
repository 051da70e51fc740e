namespace Campaigns.Emulator.Hosting;

/// <summary>How an invocation ended, from the Lambda service's point of view.</summary>
public enum InvocationStatus
{
    /// <summary>The runtime posted a response (which API Gateway may still find malformed).</summary>
    Success,

    /// <summary>The runtime posted to <c>/error</c>.</summary>
    FunctionError,

    /// <summary>The process exited or was killed while the invocation was in flight.</summary>
    Crashed,

    /// <summary>The function timeout passed; the process was killed.</summary>
    TimedOut,

    /// <summary>The process that was started for this request failed before asking for an invocation.</summary>
    InitFailed,
}
