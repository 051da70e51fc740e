using System.Text.Json;

namespace Campaigns.Bench;

/// <summary>
/// A folder that <c>./build.sh package</c> wrote (artifacts/&lt;arch&gt;): one <c>&lt;function&gt;.zip</c> each and
/// a manifest.json naming the architecture, commit and builder they came from.
/// </summary>
internal sealed class PackagedZips(string directory, string architecture, string origin)
{
    public static PackagedZips Load(string directory)
    {
        string manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new ArgumentException($"--zips {directory}: no manifest.json there; pass a folder ./build.sh package wrote (artifacts/<arch>)");
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var root = manifest.RootElement;
        string manifestArchitecture = root.GetProperty("architecture").GetString() ?? "unknown";
        string commit = root.GetProperty("commit").GetString() ?? "unknown";
        bool dirty = root.TryGetProperty("commit_dirty", out var flag) && flag.GetBoolean();
        string builder = root.TryGetProperty("builder", out var b) ? b.GetString() ?? "unknown" : "unknown";
        string described = $"{directory}: {builder} build of {commit[..Math.Min(12, commit.Length)]}{(dirty ? " with uncommitted changes" : "")}";
        return new PackagedZips(directory, manifestArchitecture, described);
    }

    public ZipFigure For(string function)
    {
        var zip = new FileInfo(Path.Combine(directory, function + ".zip"));
        return zip.Exists
            ? new ZipFigure(zip.Length, architecture, origin)
            : throw new ArgumentException($"--zips {directory}: no {function}.zip there");
    }
}
