using System.Globalization;
using System.Security.Cryptography;
using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Processes;

/// <summary>Builds the environment a Lambda custom runtime process receives.</summary>
internal sealed class LaunchPlanner
{
    private const string DefaultRegion = "us-east-1";

    // The only variables taken from the emulator's own environment: enough to find programs and a home.
    private static readonly string[] Inherited = ["PATH", "HOME"];

    private readonly string _functionsDirectory;
    private readonly Dictionary<string, string> _functionEnvironment;
    private readonly int _memorySizeMb;
    private readonly string _logFormat;
    private readonly Func<string, string?> _hostVariable;
    private readonly TimeProvider _time;

    public LaunchPlanner(
        string functionsDirectory,
        IEnumerable<KeyValuePair<string, string>> functionEnvironment,
        int memorySizeMb,
        string logFormat,
        Func<string, string?> hostVariable,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(functionsDirectory);
        ArgumentNullException.ThrowIfNull(functionEnvironment);
        ArgumentNullException.ThrowIfNull(logFormat);
        ArgumentNullException.ThrowIfNull(hostVariable);
        ArgumentNullException.ThrowIfNull(time);
        _functionsDirectory = Path.GetFullPath(functionsDirectory);
        _functionEnvironment = new Dictionary<string, string>(functionEnvironment, StringComparer.Ordinal);
        _memorySizeMb = memorySizeMb;
        _logFormat = logFormat;
        _hostVariable = hostVariable;
        _time = time;
    }

    /// <summary>The region from the function environment (AWS_REGION), else us-east-1.</summary>
    public string Region => _functionEnvironment.TryGetValue("AWS_REGION", out var region) && region.Length > 0 ? region : DefaultRegion;

    public FunctionLaunch Plan(string functionName, int runtimeApiPort)
    {
        var taskRoot = Path.Combine(_functionsDirectory, functionName);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (_hostVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in _functionEnvironment)
        {
            environment[name] = value;
        }

        environment["AWS_REGION"] = Region;
        environment.TryAdd("AWS_DEFAULT_REGION", Region);
        // Lambda's reserved variables come last: a function cannot override them.
        environment["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtimeApiPort.ToString(CultureInfo.InvariantCulture)}";
        environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = _memorySizeMb.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_LOG_FORMAT"] = _logFormat;
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{functionName}";
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = LogStreamName();
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        environment["_HANDLER"] = "bootstrap";
        environment["LAMBDA_TASK_ROOT"] = taskRoot;
        environment["TZ"] = "UTC";
        return new FunctionLaunch(functionName, taskRoot, environment);
    }

    /// <summary>Lambda's stream name shape: <c>2024/05/01/[$LATEST]&lt;32 hex&gt;</c>, one per execution environment.</summary>
    private string LogStreamName() =>
        _time.GetUtcNow().ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "/[$LATEST]"
        + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
