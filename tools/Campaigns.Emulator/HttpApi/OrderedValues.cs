namespace Campaigns.Emulator.HttpApi;

/// <summary>Name → value pairs in first-seen order, where a repeated name's values are joined with commas.</summary>
internal sealed class OrderedValues
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, string> _values;

    public OrderedValues(StringComparer comparer) => _values = new Dictionary<string, string>(comparer);

    public int Count => _names.Count;

    public IEnumerable<KeyValuePair<string, string>> Pairs =>
        _names.Select(name => new KeyValuePair<string, string>(name, _values[name]));

    public void Add(string name, string value)
    {
        if (_values.TryGetValue(name, out var existing))
        {
            _values[name] = existing + "," + value;
            return;
        }

        _names.Add(name);
        _values[name] = value;
    }

    public void Set(string name, string value)
    {
        if (!_values.ContainsKey(name))
        {
            _names.Add(name);
        }

        _values[name] = value;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;
}
