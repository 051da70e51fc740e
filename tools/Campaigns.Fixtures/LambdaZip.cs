using System.IO.Compression;

namespace Campaigns.Fixtures;

/// <summary>A function's deployment zip as Lambda receives it, and the size budget of the zip that ships.</summary>
public static class LambdaZip
{
    /// <summary>
    /// The budget of each function's arm64 zip, the architecture Lambda runs. x64 code compresses worse
    /// (docs/performance.md), so an x64 zip says nothing about it either way.
    /// </summary>
    public const long Arm64BudgetBytes = 4_500_000;

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
