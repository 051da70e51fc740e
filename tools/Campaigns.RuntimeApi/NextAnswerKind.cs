namespace Campaigns.RuntimeApi;

public enum NextAnswerKind
{
    /// <summary>200 with the event.</summary>
    Invocation,

    /// <summary>500: the runtime must exit.</summary>
    Fault,

    /// <summary>400: the call is not valid in the process's current state.</summary>
    Rejected,

    /// <summary>The process went away or the server stops: drop the connection.</summary>
    Aborted,
}
