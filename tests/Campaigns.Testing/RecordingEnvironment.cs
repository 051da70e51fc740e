using Campaigns.Lambda;

namespace Campaigns.Testing;

/// <summary>Environment variables in memory, recording every change the code under test makes.</summary>
public sealed class RecordingEnvironment : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<(string Name, string? Value)> Changes { get; } = [];

    public string? GetValue(string name) => _values.GetValueOrDefault(name);

    public void SetValue(string name, string? value)
    {
        Changes.Add((name, value));
        if (value is null)
        {
            _values.Remove(name);
        }
        else
        {
            _values[name] = value;
        }
    }
}
