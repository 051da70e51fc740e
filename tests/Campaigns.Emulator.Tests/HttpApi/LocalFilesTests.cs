using System.Net;
using Campaigns.Emulator.HttpApi;
using Campaigns.Emulator.Tests.Fakes;

namespace Campaigns.Emulator.Tests.HttpApi;

/// <summary>The rendered reference at /docs, over real sockets.</summary>
public sealed class LocalFilesTests : IDisposable
{
    private const string Page = "<!DOCTYPE html><html><head><title>Campaigns API</title></head><body><div id=\"redoc\"></div></body></html>";

    private readonly TempDirectory _scratch = new();

    [Theory]
    [InlineData("docs")]
    [InlineData("docs/")]
    public async Task Request_ForDocs_ServesThePageAsHtml(string path)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.DocsPath = WritePage(Page));

        using var response = await emulator.Client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.ToString().ShouldBe("text/html; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldBe(Page);
        response.Headers.GetValues("x-content-type-options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("referrer-policy").ShouldBe(["no-referrer"]);
    }

    [Fact]
    public async Task Request_ForDocs_SendsAPolicyThatAllowsNoOtherOrigin()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.DocsPath = WritePage(Page));

        using var response = await emulator.Client.GetAsync(new Uri("docs", UriKind.Relative));

        var directives = response.Headers.GetValues("content-security-policy").ShouldHaveSingleItem()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);
        directives["default-src"].ShouldBe(["'self'"]);
        directives["script-src"].ShouldBe(["'self'", "'unsafe-inline'"], ignoreOrder: true);
        directives["frame-ancestors"].ShouldBe(["'none'"]);
        string[] allowed = ["'self'", "'unsafe-inline'", "'none'", "data:"];
        foreach (var (name, sources) in directives)
        {
            sources.ShouldAllBe(source => allowed.Contains(source), $"{name} allows {string.Join(' ', sources)}");
        }
    }

    [Fact]
    public async Task Request_ForDocs_AfterThePageIsRebuilt_ServesTheNewPage()
    {
        var path = WritePage(Page);
        await using var emulator = await TestEmulator.StartAsync(o => o.DocsPath = path);
        (await emulator.GetAsync("docs")).Body.ShouldBe(Page);

        await File.WriteAllTextAsync(path, "<p>rebuilt</p>");

        (await emulator.GetAsync("docs")).ShouldBe((200, "<p>rebuilt</p>"));
    }

    [Fact]
    public async Task Request_ForDocs_WhenNoPageIsConfigured_Answers404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        (await emulator.GetAsync("docs")).ShouldBe((404, """{"message":"Not Found"}"""));
    }

    [Fact]
    public async Task Request_ToDocsWithAnotherMethod_GoesToTheRoutes()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.DocsPath = WritePage(Page));

        using var response = await emulator.Client.PostAsync(new Uri("docs", UriKind.Relative), new StringContent("{}"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"message":"Not Found"}""");
        response.Headers.Contains("content-security-policy").ShouldBeFalse();
    }

    [Fact]
    public async Task StartAsync_WhenDocsPageMissing_Throws()
    {
        var missing = _scratch.File("missing.html");

        var error = await Should.ThrowAsync<ArgumentException>(() => TestEmulator.StartAsync(o => o.DocsPath = missing));

        error.Message.ShouldContain(missing);
    }

    [Fact]
    public void Find_OnlyAnswersGetForConfiguredPaths()
    {
        var files = new LocalFiles("openapi.yaml", "docs.html");

        files.Find("GET", "/docs")!.FilePath.ShouldBe("docs.html");
        files.Find("GET", "/openapi.yaml")!.FilePath.ShouldBe("openapi.yaml");
        files.Find("HEAD", "/docs").ShouldBeNull();
        files.Find("GET", "/docs/index.html").ShouldBeNull();
        LocalFiles.None.Find("GET", "/docs").ShouldBeNull();
    }

    public void Dispose() => _scratch.Dispose();

    private string WritePage(string html)
    {
        var path = _scratch.File("docs.html");
        File.WriteAllText(path, html);
        return path;
    }
}
