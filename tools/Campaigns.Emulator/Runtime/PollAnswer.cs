namespace Campaigns.Emulator.Runtime;

/// <summary>How a <c>GET /runtime/invocation/next</c> is answered.</summary>
internal sealed record PollAnswer(PollAnswerKind Kind, ActiveInvocation? Invocation, string Message)
{
    public static PollAnswer Aborted { get; } = new(PollAnswerKind.Aborted, null, string.Empty);

    public static PollAnswer For(ActiveInvocation invocation) => new(PollAnswerKind.Invocation, invocation, string.Empty);

    public static PollAnswer Fault(string message) => new(PollAnswerKind.Fault, null, message);

    public static PollAnswer Rejected(string message) => new(PollAnswerKind.Rejected, null, message);
}
