using System.Globalization;
using System.Text.Json;

namespace Campaigns.Hosting.Http;

/// <summary>
/// Finds a JSON string (value or member name) whose <c>\u</c> escapes leave a UTF-16 surrogate unpaired.
/// The JSON reader accepts such escapes and only <see cref="JsonElement.GetString"/> refuses them,
/// with an exception: read every string once here, before anything else reads the body.
/// </summary>
internal static class UnpairedSurrogates
{
    /// <returns>The path of the first such string (<c>description</c>, <c>note.items[2]</c>), or null.</returns>
    public static string? FindIn(JsonElement element) => Find(element, path: null);

    private static string? Find(JsonElement element, string? path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element) ? null : path ?? "body";
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, (path ?? "body") + "[" + index.ToString(CultureInfo.InvariantCulture) + "]") is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (!TryGetName(member, out string? name))
                    {
                        return path ?? "body";
                    }

                    if (Find(member.Value, path is null ? name : path + "." + name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsReadable(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryGetName(JsonProperty member, out string? name)
    {
        try
        {
            name = member.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }
}
