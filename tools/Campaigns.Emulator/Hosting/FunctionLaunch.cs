namespace Campaigns.Emulator.Hosting;

/// <summary>What the emulator is about to start for one process slot of a function.</summary>
public sealed class FunctionLaunch
{
    internal FunctionLaunch(string functionName, string taskRoot, IDictionary<string, string> environment)
    {
        FunctionName = functionName;
        TaskRoot = taskRoot;
        ExecutablePath = Path.Combine(taskRoot, "bootstrap");
        Environment = environment;
    }

    public string FunctionName { get; }

    /// <summary><c>&lt;FunctionsDirectory&gt;/&lt;name&gt;</c>, absolute; passed as LAMBDA_TASK_ROOT.</summary>
    public string TaskRoot { get; }

    /// <summary><c>&lt;TaskRoot&gt;/bootstrap</c>: what provided.al2023 runs.</summary>
    public string ExecutablePath { get; }

    /// <summary>The complete environment of the process, AWS_LAMBDA_RUNTIME_API included; a launch override may edit it.</summary>
    public IDictionary<string, string> Environment { get; }
}
