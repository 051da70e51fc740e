namespace Campaigns.Lambda.Logging;

internal static class ExceptionText
{
    public static string TypeName(Exception exception) =>
        exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>The exception's own stack frames, one per entry, without indentation.</summary>
    public static IReadOnlyList<string> StackFrames(Exception exception) => Lines(exception.StackTrace);

    /// <summary>The full description, inner exceptions included, one line per entry.</summary>
    public static IReadOnlyList<string> FullDescription(Exception exception) => Lines(exception.ToString());

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
