namespace Campaigns.Lambda;

/// <summary>The variables of this process.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public string? GetValue(string name) => Environment.GetEnvironmentVariable(name);

    public void SetValue(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
