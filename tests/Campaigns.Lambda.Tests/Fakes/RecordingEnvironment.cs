namespace Campaigns.Lambda.Tests.Fakes;

internal sealed class RecordingEnvironment : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<(string Name, string? Value)> Changes { get; } = [];

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public void Set(string name, string? value)
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
