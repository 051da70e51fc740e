using Campaigns.Emulator.Cli;

namespace Campaigns.Emulator.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_WithEveryOption_FillsOptions()
    {
        var result = CommandLine.Parse(
        [
            "--port", "0", "--functions-dir", "artifacts/functions", "--function-table", "t.json", "--openapi", "docs/openapi.yaml",
            "--docs", ".work/api-docs.html",
            "--env", "TABLE_NAME=campaigns", "--env", "AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000", "--timeout-seconds", "2.5",
            "--idle-seconds", "30", "--max-concurrency", "1", "--memory-mb", "512", "--log-format", "json",
            "--launcher", "qemu-aarch64",
        ]);

        var options = result.Options.ShouldNotBeNull();
        options.HttpPort.ShouldBe(0);
        options.FunctionsDirectory.ShouldBe("artifacts/functions");
        options.FunctionTablePath.ShouldBe("t.json");
        options.OpenApiPath.ShouldBe("docs/openapi.yaml");
        options.DocsPath.ShouldBe(".work/api-docs.html");
        options.FunctionEnvironment["TABLE_NAME"].ShouldBe("campaigns");
        options.FunctionEnvironment["AWS_ENDPOINT_URL_DYNAMODB"].ShouldBe("http://127.0.0.1:8000");
        options.FunctionTimeout.ShouldBe(TimeSpan.FromSeconds(2.5));
        options.IdleTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.MaxConcurrencyPerFunction.ShouldBe(1);
        options.MemorySizeMb.ShouldBe(512);
        options.LogFormat.ShouldBe("JSON");
        options.Launcher.ShouldBe("qemu-aarch64");
    }

    [Fact]
    public void Parse_WithOnlyFunctionsDir_UsesDefaults()
    {
        var options = CommandLine.Parse(["--functions-dir", "fns"]).Options.ShouldNotBeNull();

        options.HttpPort.ShouldBe(3000);
        options.FunctionTablePath.ShouldBe(Path.Combine("functions", "functions.json"));
        options.FunctionTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.IdleTimeout.ShouldBe(TimeSpan.FromMinutes(5));
        options.MaxConcurrencyPerFunction.ShouldBe(4);
        options.MemorySizeMb.ShouldBe(256);
        options.LogFormat.ShouldBe("Text");
        options.Launcher.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("--port 3000")]
    [InlineData("--functions-dir")]
    [InlineData("--functions-dir f --port 70000")]
    [InlineData("--functions-dir f --env NOEQUALS")]
    [InlineData("--functions-dir f --timeout-seconds -1")]
    [InlineData("--functions-dir f --log-format xml")]
    [InlineData("--functions-dir f --verbose yes")]
    public void Parse_WhenArgumentsInvalid_ReturnsError(string commandLine)
    {
        var result = CommandLine.Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        result.Options.ShouldBeNull();
        result.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_WithHelp_AsksForHelp()
    {
        CommandLine.Parse(["--help"]).ShowHelp.ShouldBeTrue();
    }
}
