namespace Campaigns.Bench.Bound;

/// <summary>
/// The parts of a recorded request that change from one invocation of the bench to the next, written
/// <c>{{name}}</c> (lower case) inside the recorded JSON strings; everything else is sent as recorded.
/// </summary>
internal enum Placeholder
{
    /// <summary>The table's name: the bench's table, not the recording's.</summary>
    Table,

    /// <summary>The campaign code: the path's, or a new one per create.</summary>
    Code,

    /// <summary>The write's timestamp, as the store writes it.</summary>
    Now,

    /// <summary>Today's date, as the list's filter compares it.</summary>
    Today,

    /// <summary>A new campaign's id.</summary>
    Id,

    /// <summary>The writer's sub, from the authorizer's claims.</summary>
    Caller,
}
