using Campaigns.Emulator.Hosting;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests.Faults;

/// <summary>An emulator of its own, whose functions reach DynamoDB through a <see cref="FaultProxy"/>.</summary>
public sealed class FaultRig : IAsyncDisposable
{
    private FaultRig(DynamoDbTestTable table, FaultProxy proxy, EmulatorHost host, LogWriter output)
    {
        Table = table;
        Proxy = proxy;
        Host = host;
        Output = output;
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public DynamoDbTestTable Table { get; }

    public FaultProxy Proxy { get; }

    public EmulatorHost Host { get; }

    public LogWriter Output { get; }

    public HttpClient Client { get; }

    /// <summary>Whether the functions run under an instruction emulator (qemu-aarch64 on the arm64 leg).</summary>
    public static bool Emulated => ApiFixture.Launcher is not null;

    public static async Task<FaultRig> StartAsync(ProxyMode mode, TimeSpan functionTimeout, Action<EmulatorOptions>? configure = null)
    {
        var table = new DynamoDbTestTable();
        await table.InitializeAsync();
        var proxy = new FaultProxy(new Uri(Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT")!), mode);
        var output = new LogWriter();
        var options = ApiFixture.Options(table.Name, proxy.Endpoint.ToString().TrimEnd('/'), output);
        options.FunctionTimeout = functionTimeout;
        options.MaxConcurrencyPerFunction = 2;
        configure?.Invoke(options);
        var host = await EmulatorHost.StartAsync(options);
        return new FaultRig(table, proxy, host, output);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Proxy.DisposeAsync();
        await Table.DisposeAsync();
    }
}
