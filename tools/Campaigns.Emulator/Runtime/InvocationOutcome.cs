using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Runtime;

internal sealed record InvocationOutcome(OutcomeKind Kind, byte[] Payload)
{
    /// <summary>
    /// The REPORT record of this invocation, so a caller can tell which request id and process it was without
    /// searching the reporter; null only when no invocation took place (<see cref="OutcomeKind.Unavailable"/>).
    /// </summary>
    public InvocationReport? Report { get; init; }

    /// <summary>The runtime's <c>Lambda-Runtime-Function-Error-Type</c>, when it posted to <c>/error</c>.</summary>
    public string? ErrorType { get; init; }

    public static InvocationOutcome Of(OutcomeKind kind) => new(kind, []);

    public static InvocationOutcome Of(OutcomeKind kind, InvocationReport report) => new(kind, []) { Report = report };
}
