namespace Campaigns.Emulator.Functions;

internal static class PathSegments
{
    /// <summary>"/a/b" → ["a", "b"]; "/" → []; "/a/" → ["a", ""] (a trailing slash is a distinct path).</summary>
    public static string[] Split(string path)
    {
        var trimmed = path.StartsWith('/') ? path[1..] : path;
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    /// <summary>
    /// Splits the still-encoded path first and decodes each segment afterwards, so an encoded slash (%2F)
    /// stays inside its segment instead of creating a new one.
    /// </summary>
    public static string[] SplitAndDecode(string rawPath) =>
        Split(rawPath).Select(Uri.UnescapeDataString).ToArray();
}
