namespace Campaigns.Bench.Tests;

public sealed class BenchOptionsTests
{
    private static readonly string[] Required = ["--dynamodb-endpoint", "http://127.0.0.1:8000"];

    [Fact]
    public void Parse_WithNodeDir_PutsNodeBesideJitInTheDefaultVariants()
    {
        var options = BenchOptions.Parse([.. Required, "--node-dir", "/work/publish/node"]);

        options.Variants.ShouldBe(["aot", "jit", "node", "floor", "bound"]);
        options.VariantDirectories["node"].ShouldBe("/work/publish/node");
    }

    [Fact]
    public void Parse_WithoutNodeDir_LeavesNodeOutOfTheDefaultVariants()
    {
        BenchOptions.Parse(Required).Variants.ShouldBe(["aot", "jit", "floor", "bound"]);
    }

    [Fact]
    public void Parse_WithVariantsGiven_KeepsThemAsGivenEvenWithNodeDir()
    {
        var options = BenchOptions.Parse([.. Required, "--variants", "aot,bound", "--node-dir", "/work/publish/node"]);

        options.Variants.ShouldBe(["aot", "bound"]);
    }

    [Fact]
    public void Parse_WithOnlyNodeGiven_RunsNodeAlone()
    {
        var options = BenchOptions.Parse([.. Required, "--variants", "node", "--node-dir", "/work/publish/node"]);

        options.Variants.ShouldBe(["node"]);
        options.VariantDirectories["node"].ShouldBe("/work/publish/node");
    }

    [Fact]
    public void Parse_WithNodeDirWithoutAValue_Throws()
    {
        Should.Throw<ArgumentException>(() => BenchOptions.Parse([.. Required, "--node-dir"]));
    }
}
