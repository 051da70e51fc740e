namespace Campaigns.Lambda.Logging;

internal readonly record struct LogEntry(
    DateTimeOffset Timestamp,
    LogLevel Level,
    string Message,
    string? RequestId,
    string FunctionName,
    Exception? Exception);
