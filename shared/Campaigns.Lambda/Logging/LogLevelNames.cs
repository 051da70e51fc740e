namespace Campaigns.Lambda.Logging;

/// <summary>Maps levels to and from the names Lambda's log level setting and log filtering use.</summary>
internal static class LogLevelNames
{
    public static string ToLambdaName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown log level."),
    };

    /// <summary>Unknown or missing names fall back to INFO, Lambda's default application log level.</summary>
    public static LogLevel Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
