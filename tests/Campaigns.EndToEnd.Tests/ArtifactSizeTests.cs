using System.Text.Json;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>
/// The zip-size budget, checked on the arm64 binaries this run drives: Lambda receives each function as a
/// zip of its bootstrap, as ./build.sh package writes it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ArtifactSizeTests
{
    public static TheoryData<string> Functions()
    {
        using var table = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("functions/functions.json")));
        var names = new TheoryData<string>();
        foreach (var function in table.RootElement.EnumerateObject())
        {
            names.Add(function.Name);
        }

        return names;
    }

    [Arm64BinariesTheory]
    [MemberData(nameof(Functions))]
    public void Zip_OfEachFunction_IsWithinTheBudget(string function)
    {
        string binary = Path.Combine(ApiFixture.FunctionsDirectory(), function, "bootstrap");

        // The zip that ships when the suite runs on packaged zips (./build.sh test's arm64 leg, package.yml);
        // otherwise a zip of the binary at .NET's smallest deflate, which packaging's 7-Zip encoder beats.
        string? shipped = Environment.GetEnvironmentVariable("CAMPAIGNS_ZIPS_DIR") is { Length: > 0 } zips ? Path.Combine(zips, function + ".zip") : null;
        long zipBytes = shipped is null ? LambdaZip.SizeOf(binary) : new FileInfo(shipped).Length;

        zipBytes.ShouldBeLessThanOrEqualTo(LambdaZip.Arm64BudgetBytes, $"{function}: {shipped ?? "a zip"} of {new FileInfo(binary).Length:N0} bytes of bootstrap");
    }
}
