namespace Campaigns.Emulator.Runtime;

internal sealed record PoolSettings(
    TimeSpan FunctionTimeout,
    TimeSpan InitTimeout,
    TimeSpan IdleTimeout,
    int MemorySizeMb,
    string Region);
