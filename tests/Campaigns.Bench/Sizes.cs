using System.IO.Compression;

namespace Campaigns.Bench;

internal static class Sizes
{
    /// <summary>Size of a zip holding just this file at maximum deflate, as Lambda would receive it.</summary>
    public static long ZipBytes(string path)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(path, "bootstrap", CompressionLevel.SmallestSize);
        }

        return buffer.Length;
    }
}
