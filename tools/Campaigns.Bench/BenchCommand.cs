using System.Diagnostics;
using System.Globalization;
using Campaigns.Fixtures;
using Campaigns.RuntimeApi;

namespace Campaigns.Bench;

internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--list-scale", .. var rest])
        {
            return await ListScale.ListScaleCommand.RunAsync(rest);
        }

        var options = BenchOptions.Parse(args);
        var variants = options.Variants.Select(name => new Variant(name, options.VariantDirectories.TryGetValue(name, out string? dir) ? dir : throw new ArgumentException($"--{name}-dir is required"))).ToList();
        var packaged = options.ZipsDirectory is { } zipsDirectory ? PackagedZips.Load(zipsDirectory) : null;

        // Every function's zip before any start: a missing one found after the run would lose the run.
        options.Functions.ToList().ForEach(function => packaged?.For(function));
        string runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var workload = new Workload(runId);
        await using var table = new BenchTable(options.DynamoDbEndpoint, "bench-" + runId);
        await table.CreateAndSeedAsync(workload, Workload.DeletePoolSize(options.ColdRuns, options.WarmRuns, variants.Count));

        // The table is seeded over plain HTTP; with --tls the functions go through the terminator.
        await using var tls = options.Tls == TlsMode.Off ? null : LocalTls.Start(options.Tls, options.DynamoDbEndpoint);
        if (tls is not null)
        {
            options.UseTls(tls.Endpoint, tls.CertificateFile, tls.CertificateDirectory);
            Console.Error.WriteLine($"tls {options.TlsLabel}: functions call {tls.Endpoint}, SSL_CERT_FILE={tls.CertificateFile}");
        }

        List<BenchSlot> slots = [.. Enumerable.Range(0, Math.Max(1, options.Functions.Count * variants.Count)).Select(_ => new BenchSlot())];
        await using var server = await RuntimeApiServer.StartAsync(slots);
        for (int i = 0; i < slots.Count; i++)
        {
            slots[i].Port = server.Ports[i];
        }

        var runner = new BenchRunner(options, slots, workload, FunctionEnvironment(options, table.Name));
        using var sampler = new LoadSampler(new ProcLoadSource(options.OwnPids), TimeProvider.System, LoadSampler.DefaultInterval);
        sampler.Start();
        await runner.RunAsync(variants);
        var load = sampler.Stop();

        var summaries = (from function in options.Functions
                         from variant in variants
                         select Summary.Of(
                             function,
                             variant.Name,
                             runner.Cold,
                             runner.Warm,
                             runner.WarmPeakRssMb.GetValueOrDefault((function, variant.Name)),
                             new FileInfo(variant.BinaryPath(function)).Length,
                             LambdaZip.SizeOf(variant.BinaryPath(function)))).ToList();
        string timestamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var zips = ZipFigures.For(summaries, packaged, ZipFigures.HostArchitecture());
        var run = new RunRecord(timestamp, Git("rev-parse HEAD"), options.AotFramework, Machine(), options, zips, runner.Cold, runner.Warm, summaries, load);
        Write(run, options.OutputDirectory);
        run.TailWarnings().ForEach(warning => Console.Error.WriteLine("warning: " + warning.Message));
        return summaries.Sum(s => s.Failures) == 0 ? 0 : 3;
    }

    private static void Write(RunRecord run, string outputDirectory)
    {
        string results = Path.Combine(outputDirectory, "results");
        Directory.CreateDirectory(results);
        JsonReport.Write(Path.Combine(results, run.Timestamp + ".json"), run);
        File.WriteAllText(Path.Combine(outputDirectory, "latest.svg"), SvgChart.Render(run.Summaries));
        string markdown = MarkdownReport.Build(run, "bench/latest.svg");
        File.WriteAllText(Path.Combine(results, run.Timestamp + ".md"), markdown.Replace("bench/latest.svg", "../latest.svg", StringComparison.Ordinal));
        // docs/bench refreshes docs/performance.md; a run written elsewhere (--out) leaves every document alone.
        string document = Path.Combine(outputDirectory, "..", "performance.md");
        if (File.Exists(document))
        {
            MarkdownReport.Refresh(document, markdown);
        }

        Console.WriteLine(markdown);
    }

    private static Dictionary<string, string> FunctionEnvironment(BenchOptions options, string tableName)
    {
        var environment = new Dictionary<string, string>
        {
            ["TABLE_NAME"] = tableName,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = options.FunctionDynamoDbEndpoint ?? options.DynamoDbEndpoint,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        };
        if (options.CertificateFile is not null)
        {
            environment["SSL_CERT_FILE"] = options.CertificateFile;
        }

        if (options.CertificateDirectory is not null)
        {
            environment["SSL_CERT_DIR"] = options.CertificateDirectory;
        }

        return environment;
    }

    internal static string Machine()
    {
        string cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        string kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        return $"{cpu}, {Environment.ProcessorCount} cores, Linux {kernel}";
    }

    internal static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
