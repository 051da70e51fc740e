namespace Campaigns.Lambda.Http;

internal static class DictionaryLookup
{
    public static string? Find(IDictionary<string, string>? values, string key, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (values is null)
        {
            return null;
        }

        if (values.TryGetValue(key, out var exact))
        {
            return exact;
        }

        if (comparison == StringComparison.Ordinal)
        {
            return null;
        }

        // The deserialized dictionary compares ordinally, so a differently-cased name needs a scan;
        // requests carry a few dozen headers at most.
        foreach (var pair in values)
        {
            if (string.Equals(pair.Key, key, comparison))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
