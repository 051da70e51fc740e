using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>
/// A theory about the arm64 binaries Lambda runs: skipped, with the reason shown, when the suite drives
/// binaries of another architecture (./build.sh test's first leg on an x64 machine); it runs on the
/// arm64 legs (./build.sh test under qemu-aarch64, package.yml natively).
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
    }
}
