namespace Campaigns.Bench.Tests.Reports;

public sealed class ZipFiguresTests : IDisposable
{
    private readonly DirectoryInfo _zips = Directory.CreateTempSubdirectory("bench-zips-");

    public void Dispose() => _zips.Delete(recursive: true);

    [Fact]
    public void For_WithPackagedZips_ReadsTheirSizeAndTheManifestsArchitecture()
    {
        WriteManifest("arm64", dirty: true);
        File.WriteAllBytes(Path.Combine(_zips.FullName, Figures.Function + ".zip"), new byte[1234]);

        var zip = ZipFigures.For([Figures.Of("aot")], PackagedZips.Load(_zips.FullName), "x64")[Figures.Function];

        zip.Bytes.ShouldBe(1234);
        zip.Architecture.ShouldBe("arm64");
        zip.Origin.ShouldBe($"{_zips.FullName}: container build of 0123456789ab with uncommitted changes");
    }

    [Fact]
    public void For_WithoutPackagedZips_TakesTheAotBinarysZipOnThisMachinesArchitecture()
    {
        var zip = ZipFigures.For([Figures.Of("aot", zipBytes: 4_750_000), Figures.Of("bound", zipBytes: 2_700_000)], null, "x64")[Figures.Function];

        zip.ShouldBe(new ZipFigure(4_750_000, "x64", "this run's aot binary, not a packaged zip", Packaged: false));
    }

    [Fact]
    public void Load_WithoutAManifest_Throws()
    {
        Should.Throw<ArgumentException>(() => PackagedZips.Load(_zips.FullName)).Message.ShouldContain("no manifest.json");
    }

    [Fact]
    public void For_WhenAFunctionsZipIsMissing_Throws()
    {
        WriteManifest("arm64", dirty: false);

        Should.Throw<ArgumentException>(() => PackagedZips.Load(_zips.FullName).For(Figures.Function)).Message.ShouldContain("no get_campaign.zip");
    }

    private void WriteManifest(string architecture, bool dirty) =>
        File.WriteAllText(
            Path.Combine(_zips.FullName, "manifest.json"),
            $$"""{"architecture":"{{architecture}}","commit":"0123456789abcdef0123","commit_dirty":{{(dirty ? "true" : "false")}},"builder":"container","functions":[]}""");
}
