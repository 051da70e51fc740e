namespace Campaigns.Lambda.Logging;

/// <summary>
/// Writes one line per entry in the format Lambda is configured for, so CloudWatch keeps each entry as
/// one event and can filter JSON entries by level. Safe to use from several threads.
/// </summary>
public sealed class LambdaLogger
{
    private readonly TextWriter _output;
    private readonly LogFormat _format;
    private readonly LogLevel _minimumLevel;
    private readonly string _functionName;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private volatile string? _requestId;

    public LambdaLogger(TextWriter output, LogFormat format, LogLevel minimumLevel, string functionName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(functionName);
        ArgumentNullException.ThrowIfNull(time);
        _output = output;
        _format = format;
        _minimumLevel = minimumLevel;
        _functionName = functionName;
        _time = time;
    }

    internal string FunctionName => _functionName;

    /// <summary>The invocation being served; written on every entry while set.</summary>
    public string? RequestId
    {
        get => _requestId;
        set => _requestId = value;
    }

    /// <summary>
    /// Reads <c>AWS_LAMBDA_LOG_FORMAT</c> (<c>JSON</c>, otherwise text), <c>AWS_LAMBDA_LOG_LEVEL</c>
    /// (TRACE … FATAL, default INFO) and <c>AWS_LAMBDA_FUNCTION_NAME</c>.
    /// </summary>
    internal static LambdaLogger FromEnvironment(TextWriter output, TimeProvider time, IEnvironmentVariables environment)
    {
        var format = string.Equals(environment.GetValue("AWS_LAMBDA_LOG_FORMAT"), "JSON", StringComparison.OrdinalIgnoreCase)
            ? LogFormat.Json
            : LogFormat.Text;
        var level = LogLevelNames.Parse(environment.GetValue("AWS_LAMBDA_LOG_LEVEL"));
        var functionName = environment.GetValue("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty;
        return new LambdaLogger(output, format, level, functionName, time);
    }

    public bool IsEnabled(LogLevel level) => level >= _minimumLevel;

    public void Log(LogLevel level, string message) => Log(level, message, exception: null);

    public void Log(LogLevel level, string message, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsEnabled(level))
        {
            return;
        }

        var entry = new LogEntry(_time.GetUtcNow(), level, message, _requestId, _functionName, exception);
        WriteLine(_format == LogFormat.Json ? JsonLogLine.Format(entry) : TextLogLine.Format(entry));
    }

    /// <summary>Writes a preformatted line (such as a metric record) whatever the level, never interleaved with entries.</summary>
    internal void WriteLine(string line)
    {
        // One write per entry: Console.Out flushes on every write, so each write is a system call.
        var terminated = string.Concat(line, "\n");
        lock (_gate)
        {
            _output.Write(terminated);
            // Lambda may freeze the process right after the response; nothing may sit in a buffer then.
            _output.Flush();
        }
    }

    /// <summary>Counts one event as an EMF metric record by this function's name, written whatever the level.</summary>
    public void Count(string metricNamespace, string metricName) =>
        WriteLine(Metrics.CountMetric.Format(metricNamespace, metricName, _functionName, _time.GetUtcNow()));

    public void Info(string message) => Log(LogLevel.Information, message);

    public void Warn(string message) => Log(LogLevel.Warning, message);

    public void Error(string message, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Log(LogLevel.Error, message, exception);
    }
}
