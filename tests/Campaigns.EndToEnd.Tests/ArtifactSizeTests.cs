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

        string shipped = Path.Combine(Environment.GetEnvironmentVariable("CAMPAIGNS_ZIPS_DIR")!, function + ".zip");

        long zipBytes = new FileInfo(shipped).Length;

        zipBytes.ShouldBeLessThanOrEqualTo(LambdaZip.Arm64BudgetBytes, $"{function}: {shipped}, of {new FileInfo(binary).Length:N0} bytes of bootstrap");
    }
}
