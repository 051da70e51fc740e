namespace Campaigns.Bench.Tests;

public sealed class VariantTests
{
    private const string Directory = "/work/publish/node";

    [Fact]
    public void BinaryPath_ForNode_IsTheFunctionsBundle()
    {
        new Variant("node", Directory).BinaryPath("get_campaign").ShouldBe("/work/publish/node/get_campaign.mjs");
    }

    [Fact]
    public void StartInfo_ForNode_RunsNodeOnTheFunctionsBundle()
    {
        var info = new Variant("node", Directory).StartInfo("list_campaigns");

        info.FileName.ShouldBe("node");
        info.ArgumentList.ShouldBe(["/work/publish/node/list_campaigns.mjs"]);
    }

    [Fact]
    public void StartInfo_ForAot_StartsTheFunctionsBootstrapItself()
    {
        var info = new Variant("aot", "/work/functions").StartInfo("get_campaign");

        info.FileName.ShouldBe("/work/functions/get_campaign/bootstrap");
        info.ArgumentList.ShouldBeEmpty();
    }

    [Fact]
    public void BinaryPath_ForAnUnknownVariant_Throws()
    {
        Should.Throw<ArgumentException>(() => new Variant("deno", Directory).BinaryPath("get_campaign"));
    }

    [Fact]
    public void RuntimeEnvironment_ForNodeWithTheBenchCa_PassesItAsNodeExtraCaCerts()
    {
        var environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = "/tmp/bench-ca.pem" };

        new Variant("node", Directory).RuntimeEnvironment(environment)["NODE_EXTRA_CA_CERTS"].ShouldBe("/tmp/bench-ca.pem");
    }

    [Fact]
    public void RuntimeEnvironment_ForNodeWithoutACaFile_OnlySilencesTheSdksVersionNotice()
    {
        new Variant("node", Directory).RuntimeEnvironment(new Dictionary<string, string>())
            .ShouldBe(new Dictionary<string, string> { ["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true" });
    }

    [Fact]
    public void RuntimeEnvironment_ForAot_AddsNothingEvenWithACaFile()
    {
        var environment = new Dictionary<string, string> { ["SSL_CERT_FILE"] = "/tmp/bench-ca.pem" };

        new Variant("aot", Directory).RuntimeEnvironment(environment).ShouldBeEmpty();
    }
}
