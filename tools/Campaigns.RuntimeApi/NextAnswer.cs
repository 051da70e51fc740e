namespace Campaigns.RuntimeApi;

/// <summary>How a <c>GET /runtime/invocation/next</c> is answered.</summary>
public sealed record NextAnswer(NextAnswerKind Kind, NextInvocation? Invocation, string Message)
{
    public static NextAnswer Aborted { get; } = new(NextAnswerKind.Aborted, null, string.Empty);

    public static NextAnswer For(NextInvocation invocation) => new(NextAnswerKind.Invocation, invocation, string.Empty);

    public static NextAnswer Fault(string message) => new(NextAnswerKind.Fault, null, message);

    public static NextAnswer Rejected(string message) => new(NextAnswerKind.Rejected, null, message);
}
