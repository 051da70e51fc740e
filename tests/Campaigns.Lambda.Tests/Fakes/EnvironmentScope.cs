namespace Campaigns.Lambda.Tests.Fakes;

/// <summary>Restores the given process environment variables to their current values when disposed.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved;

    public EnvironmentScope(params string[] names) =>
        _saved = names.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
