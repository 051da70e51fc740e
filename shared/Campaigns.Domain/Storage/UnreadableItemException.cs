namespace Campaigns.Domain.Storage;

/// <summary>
/// A stored item the mapping cannot read: an attribute missing, of the wrong type or unparsable. It names
/// the item's key and the attribute only, never a value, so it can be logged as it is.
/// </summary>
public sealed class UnreadableItemException(string key, string attribute)
    : Exception($"Stored item {key} has no valid '{attribute}' attribute.")
{
    public string Key { get; } = key;

    public string Attribute { get; } = attribute;
}
