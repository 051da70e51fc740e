namespace Campaigns.Lambda.Logging;

/// <summary>Severity of a log entry; written with the names Lambda uses (TRACE … FATAL).</summary>
public enum LogLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}
