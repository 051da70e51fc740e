namespace Campaigns.Emulator.Runtime;

internal enum OutcomeKind
{
    /// <summary>The runtime posted a response; the payload is its body.</summary>
    Response,

    /// <summary>The runtime posted to /error, or asked for the next event without answering.</summary>
    FunctionError,

    /// <summary>The process died with the invocation in flight.</summary>
    Crashed,

    /// <summary>The function (or its init) ran out of time.</summary>
    TimedOut,

    /// <summary>The process started for the request failed before asking for it.</summary>
    InitFailed,

    /// <summary>The emulator is shutting down.</summary>
    Unavailable,
}
