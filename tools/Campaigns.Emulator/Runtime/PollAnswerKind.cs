namespace Campaigns.Emulator.Runtime;

internal enum PollAnswerKind
{
    /// <summary>200 with the event.</summary>
    Invocation,

    /// <summary>500: the runtime must exit.</summary>
    Fault,

    /// <summary>400: the call is not valid in the process's current state.</summary>
    Rejected,

    /// <summary>The process went away or the emulator stops: drop the connection.</summary>
    Aborted,
}
