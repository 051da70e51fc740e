using System.Globalization;

namespace Campaigns.Hosting.Http;

/// <summary>Strong entity tags of the form <c>"version"</c>, and the If-Match / If-None-Match lists that carry them.</summary>
public static class EntityTag
{
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// Parses an If-Match header: <c>*</c> (any version, returned as null) or one or more strong tags.
    /// False when the header is not a well-formed list of entity tags.
    /// </summary>
    public static bool TryParseIfMatch(string header, out IReadOnlyList<long>? versions)
    {
        versions = null;
        if (header.Trim() == "*")
        {
            return true;
        }

        if (!TryParseList(header, out var tags))
        {
            return false;
        }

        // If-Match uses strong comparison: weak tags and tags that are not our versions can never match.
        versions = tags.Where(tag => !tag.Weak && tag.Version is not null).Select(tag => tag.Version!.Value).ToArray();
        return true;
    }

    /// <summary>If-None-Match uses weak comparison; <c>*</c> matches any existing campaign.</summary>
    public static bool NoneMatchHits(string header, long version)
    {
        if (header.Trim() == "*")
        {
            return true;
        }

        return TryParseList(header, out var tags) && tags.Any(tag => tag.Version == version);
    }

    private static bool TryParseList(string header, out List<ParsedTag> tags)
    {
        tags = [];
        foreach (string part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            bool weak = part.StartsWith("W/", StringComparison.Ordinal);
            string quoted = weak ? part[2..] : part;
            if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"' || quoted[1..^1].Contains('"', StringComparison.Ordinal))
            {
                return false;
            }

            string opaque = quoted[1..^1];
            long? version = long.TryParse(opaque, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
            tags.Add(new ParsedTag(weak, version));
        }

        return tags.Count > 0;
    }

    private readonly record struct ParsedTag(bool Weak, long? Version);
}
