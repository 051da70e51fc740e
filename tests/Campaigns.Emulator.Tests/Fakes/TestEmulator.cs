using System.Text.Json;
using Campaigns.Testing;

namespace Campaigns.Emulator.Tests.Fakes;

/// <summary>An emulator on a free port serving the fake functions, with its log and an HTTP client.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(EmulatorHost host, LogWriter log)
    {
        Host = host;
        Log = log;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = Eventually.Limit };
    }

    public EmulatorHost Host { get; }

    public LogWriter Log { get; }

    public HttpClient Client { get; }

    /// <param name="time">The emulator's clock: its timeouts and idle reaping; the real clock when null.</param>
    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null, TimeProvider? time = null)
    {
        var log = new LogWriter();
        var options = new EmulatorOptions
        {
            HttpPort = 0,
            FunctionTablePath = FakeFunctions.TablePath,
            FunctionsDirectory = FakeFunctions.Directory,
            MaxConcurrencyPerFunction = 2,
            Output = log,
        };
        options.FunctionEnvironment["TABLE_NAME"] = "campaigns-test";
        configure?.Invoke(options);
        return new TestEmulator(await EmulatorHost.StartAsync(options, time ?? TimeProvider.System, launcher: null, CancellationToken.None), log);
    }

    public IReadOnlyList<FunctionProcessInfo> Processes(string functionName) =>
        [.. Host.GetProcesses().Where(p => p.FunctionName == functionName)];

    /// <summary>GET /fake/1?action=echo (or another action) and the echoed body as JSON.</summary>
    public async Task<JsonElement> EchoAsync(string query = "action=echo")
    {
        using var response = await Client.GetAsync(new Uri($"fake/1?{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async Task<(int Status, string Body)> GetAsync(string relative)
    {
        using var response = await Client.GetAsync(new Uri(relative, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
