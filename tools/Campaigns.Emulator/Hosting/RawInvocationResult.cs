namespace Campaigns.Emulator.Hosting;

/// <summary>How one <see cref="EmulatorHost.InvokeRawAsync"/> call ended, as the function itself answered it.</summary>
/// <param name="Status">The same status as the invocation's REPORT line.</param>
/// <param name="ResponseBody">What the runtime posted to <c>/response</c>; null unless <see cref="InvocationStatus.Success"/>.</param>
/// <param name="ErrorType">
/// The <c>Lambda-Runtime-Function-Error-Type</c> header the runtime posted to <c>/error</c> (<c>Runtime.Unknown</c>
/// when it sent none); null when it did not post to <c>/error</c>, e.g. on a crash or timeout.
/// </param>
/// <param name="ErrorBody">The body the runtime posted to <c>/error</c>; null when it did not post there.</param>
/// <param name="RequestId">The Lambda request id, as in the REPORT line and <c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="ProcessId">The process that ran (or failed to start for) the invocation; 0 if none was ever spawned.</param>
/// <param name="TraceId">The <c>Lambda-Runtime-Trace-Id</c> value the emulator handed to the runtime.</param>
public sealed record RawInvocationResult(
    InvocationStatus Status,
    string? ResponseBody,
    string? ErrorType,
    string? ErrorBody,
    string RequestId,
    int ProcessId,
    string TraceId);
