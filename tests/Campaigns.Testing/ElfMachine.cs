using System.Buffers.Binary;

namespace Campaigns.Testing;

/// <summary>
/// The machine an ELF executable is built for, from the one header field that names it (e_machine, at
/// byte 18): enough to tell an arm64 bootstrap from an x64 one without a library for the whole format.
/// </summary>
public static class ElfMachine
{
    public const ushort AArch64 = 183;

    public static ushort Of(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using var file = File.OpenRead(path);
        file.ReadExactly(header);
        return header[..4].SequenceEqual("\u007fELF"u8)
            ? BinaryPrimitives.ReadUInt16LittleEndian(header[18..])
            : throw new InvalidDataException(path + " is not an ELF file");
    }
}
