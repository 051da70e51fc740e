namespace Campaigns.Emulator.Runtime;

internal sealed record InvocationOutcome(OutcomeKind Kind, byte[] Payload)
{
    public static InvocationOutcome Of(OutcomeKind kind) => new(kind, []);
}
