using Campaigns.Emulator.Functions;
using Campaigns.Emulator.HttpApi;
using Campaigns.Emulator.Processes;
using Campaigns.Emulator.Reporting;
using Campaigns.Emulator.Runtime;

namespace Campaigns.Emulator.Hosting;

/// <summary>
/// A running emulator: the HTTP API on <see cref="BaseAddress"/> and a Lambda Runtime API port per process
/// slot. Disposing it kills every function process and stops listening.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebServer _server;
    private readonly IReadOnlyDictionary<string, FunctionPool> _pools;
    private readonly InvocationReporter _reporter;
    private readonly TimeProvider _time;
    private int _disposed;

    private EmulatorHost(
        WebServer server,
        IReadOnlyDictionary<string, FunctionPool> pools,
        InvocationReporter reporter,
        TimeProvider time,
        IReadOnlyList<FunctionRoute> routes)
    {
        _server = server;
        _pools = pools;
        _reporter = reporter;
        _time = time;
        Routes = routes;
        BaseAddress = new Uri($"http://127.0.0.1:{server.FrontPort}/");
    }

    /// <summary>The HTTP API, e.g. <c>http://127.0.0.1:3000/</c>.</summary>
    public Uri BaseAddress { get; }

    public IReadOnlyList<FunctionRoute> Routes { get; }

    /// <summary>A snapshot of every invocation's report so far, in completion order.</summary>
    public IReadOnlyList<InvocationReport> Reports => _reporter.Snapshot();

    public static Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, TimeProvider.System, launcher: null, cancellationToken);

    /// <summary>A snapshot of the live function processes, of all functions.</summary>
    public IReadOnlyList<FunctionProcessInfo> GetProcesses() => [.. _pools.Values.SelectMany(p => p.Snapshot())];

    /// <summary>
    /// Kills all processes of a function (their in-flight requests get a 500) and waits until they have
    /// exited. The next request cold-starts a new process. Returns how many were killed.
    /// </summary>
    public Task<int> KillFunctionProcessesAsync(string functionName, CancellationToken cancellationToken = default) =>
        Pool(functionName).KillAllAsync(cancellationToken);

    /// <summary>
    /// Fault hook: the function's next <c>GET /runtime/invocation/next</c> (or one already waiting) is answered
    /// 500, which tells the runtime to exit; a process that does not exit within a second is killed.
    /// </summary>
    public void FailNextInvocationPoll(string functionName) => Pool(functionName).FailNextPoll();

    /// <summary>
    /// Invokes a function with any JSON event (an SQS batch, a scheduled event…), not just an HTTP API payload, as
    /// Lambda's synchronous Invoke does. It goes through the same process pool as HTTP requests, so cold starts,
    /// reuse, the function timeout, crash handling and the REPORT line all behave the same.
    /// </summary>
    /// <exception cref="ArgumentException">No such function, or the event is not JSON or is over 6 MB.</exception>
    /// <exception cref="ObjectDisposedException">The emulator shut down before the invocation could run.</exception>
    public async Task<RawInvocationResult> InvokeRawAsync(string functionName, string eventJson, CancellationToken cancellationToken = default)
    {
        var pool = Pool(functionName);
        var lambdaEvent = RawInvocation.EncodeEvent(eventJson);
        // Lambda starts a trace for an invocation that arrives without one; returning it lets the caller follow it.
        var traceId = TraceIds.Header(TraceIds.NewRoot(_time.GetUtcNow()));
        var outcome = await pool.InvokeAsync(new InvocationRequest(lambdaEvent, traceId), cancellationToken);
        return RawInvocation.ToResult(outcome, traceId);
    }

    /// <summary>For tests: how many of the function's invocations are waiting for a process.</summary>
    internal int QueueLength(string functionName) => Pool(functionName).QueueLength;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Processes first: a parked next call would otherwise hold Kestrel's shutdown open.
        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync();
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _server.App.StopAsync(stopping.Token);
        await _server.App.DisposeAsync();
    }

    internal static async Task<EmulatorHost> StartAsync(
        EmulatorOptions options, TimeProvider time, IProcessLauncher? launcher, CancellationToken cancellationToken)
    {
        OptionsValidator.Validate(options);
        ArgumentNullException.ThrowIfNull(time);
        var functions = FunctionTable.Load(options.FunctionTablePath);
        var log = new EmulatorLog(options.Output);
        launcher ??= new SystemProcessLauncher(log, options.LaunchOverride, options.Launcher);
        var slotsPerFunction = options.MaxConcurrencyPerFunction;
        var dispatcher = new RequestDispatcher();
        var server = WebServer.Create(options.HttpPort, functions.Count * slotsPerFunction, dispatcher);
        try
        {
            await server.App.StartAsync(cancellationToken);
        }
        catch
        {
            await server.App.DisposeAsync();
            throw;
        }

        var planner = new LaunchPlanner(
            options.FunctionsDirectory, options.FunctionEnvironment, options.MemorySizeMb, options.LogFormat,
            Environment.GetEnvironmentVariable, time);
        var settings = new PoolSettings(
            options.FunctionTimeout, options.InitTimeout, options.IdleTimeout, options.MemorySizeMb, planner.Region);
        var reporter = new InvocationReporter(log, options.LogFormat == "JSON", time);
        var ports = server.RuntimePorts;
        var pools = functions
            .Select((function, index) => new FunctionPool(
                function, ports.Skip(index * slotsPerFunction).Take(slotsPerFunction), settings, launcher, planner, reporter, log, time))
            .ToDictionary(pool => pool.Name, StringComparer.Ordinal);
        var front = new HttpApiFront(
            new Router(functions),
            pools.ToDictionary(p => p.Key, p => (IFunctionInvoker)p.Value, StringComparer.Ordinal),
            log,
            time,
            new LocalFiles(options.OpenApiPath, options.DocsPath));
        dispatcher.Attach(new RequestWiring(
            front, pools.Values.SelectMany(p => p.Slots).ToDictionary(s => s.Port)));
        if (functions.Any(f => f.RequiresJwt))
        {
            log.Line("emulator: JWT routes accept any well-formed token: its claims are decoded, NOT verified (local use only)");
        }

        var routes = functions.Select(f => new FunctionRoute(f.Name, f.Method, f.Route.Template, f.RequiresJwt)).ToList();
        return new EmulatorHost(server, pools, reporter, time, routes);
    }

    private FunctionPool Pool(string functionName) =>
        _pools.TryGetValue(functionName, out var pool)
            ? pool
            : throw new ArgumentException($"No function named '{functionName}' in the function table.", nameof(functionName));
}
