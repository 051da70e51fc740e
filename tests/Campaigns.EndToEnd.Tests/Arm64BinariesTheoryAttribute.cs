using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>
/// A theory about the arm64 zips Lambda receives: it runs where the suite drives the bootstraps of packaged
/// zips (CAMPAIGNS_ZIPS_DIR: ./build.sh test's arm64 leg under qemu-aarch64, package.yml natively) and is
/// skipped, with the reason shown, on binaries of another architecture or not unzipped from packaged zips.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Arm64BinariesTheoryAttribute : TheoryAttribute
{
    public Arm64BinariesTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("CAMPAIGNS_FUNCTIONS_DIR") is { Length: > 0 } directory
            && Directory.Exists(directory)
            && Directory.EnumerateFiles(directory, "bootstrap", SearchOption.AllDirectories).FirstOrDefault() is { } binary
            && ElfMachine.Of(binary) != ElfMachine.AArch64)
        {
            Skip = $"the budget is about arm64 zips; {binary} is built for another machine (ELF e_machine {ElfMachine.Of(binary)})";
        }
        else if (Environment.GetEnvironmentVariable("CAMPAIGNS_ZIPS_DIR") is not { Length: > 0 })
        {
            Skip = "the budget is about the zips that ship, and this run drives no packaged zips (CAMPAIGNS_ZIPS_DIR is not set)";
        }
    }
}
