using System.IO.Compression;

namespace Campaigns.Testing;

/// <summary>A function's deployment zip as Lambda receives it, and the size budget it must meet.</summary>
public static class LambdaZip
{
    public const long BudgetBytes = 5_000_000;

    /// <summary>Size of a zip holding just this file as <c>bootstrap</c> at maximum deflate.</summary>
    public static long SizeOf(string path)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(path, "bootstrap", CompressionLevel.SmallestSize);
        }

        return buffer.Length;
    }
}
