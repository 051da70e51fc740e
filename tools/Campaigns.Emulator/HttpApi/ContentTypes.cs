namespace Campaigns.Emulator.HttpApi;

/// <summary>Which request bodies reach the function as text; everything else is base64 with isBase64Encoded.</summary>
internal static class ContentTypes
{
    public const string Json = "application/json";

    public static bool IsTextual(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            // Without a declared type API Gateway cannot know the body is text.
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType.StartsWith("text/", StringComparison.Ordinal)
            || mediaType == Json
            || mediaType.EndsWith("+json", StringComparison.Ordinal)
            || mediaType.Contains("xml", StringComparison.Ordinal)
            || mediaType == "application/x-www-form-urlencoded";
    }
}
