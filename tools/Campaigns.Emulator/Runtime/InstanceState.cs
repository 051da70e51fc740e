namespace Campaigns.Emulator.Runtime;

internal enum InstanceState
{
    /// <summary>Reserved or spawned; has not called next yet.</summary>
    Starting,

    /// <summary>Parked in next: can take an invocation at once.</summary>
    Polling,

    /// <summary>An invocation is in flight.</summary>
    Busy,

    /// <summary>Answered its invocation and will call next again any moment.</summary>
    Returning,

    /// <summary>Killed, failed or told to exit: never gets another invocation.</summary>
    Stopping,
}
