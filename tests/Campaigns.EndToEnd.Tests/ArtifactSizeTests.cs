using System.Text.Json;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>
/// The zip-size budget, checked on the arm64 binaries this run drives: Lambda receives each function as a
/// zip of its bootstrap, compressed like ./build.sh package does.
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

        long zipBytes = LambdaZip.SizeOf(binary);

        zipBytes.ShouldBeLessThanOrEqualTo(LambdaZip.Arm64BudgetBytes, $"{function}: zip of {new FileInfo(binary).Length:N0} bytes of bootstrap");
    }
}
