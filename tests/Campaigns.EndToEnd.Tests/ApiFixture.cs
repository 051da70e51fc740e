using System.Net.Http.Headers;
using System.Text;
using Campaigns.Emulator.Hosting;
using Campaigns.EndToEnd.Tests.OpenApi;
using Campaigns.Testing;

namespace Campaigns.EndToEnd.Tests;

/// <summary>
/// The real AOT binaries (CAMPAIGNS_FUNCTIONS_DIR, set by ./build.sh test) behind the emulator, over a
/// fresh table on DynamoDB Local. Every response is checked against docs/openapi.yaml.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime, IDisposable
{
    private readonly DynamoDbTestTable _table = new();
    private readonly OpenApiContract _contract = OpenApiContract.Load();
    private EmulatorHost? _host;
    private HttpClient? _client;

    /// <summary>The smoke check's identity (a token's sub), whose SMOKE- campaigns expire.</summary>
    public const string SmokeCaller = "smoke-client";

    public LogWriter Output { get; } = new();

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public DynamoDbTestTable Table => _table;

    public async Task InitializeAsync()
    {
        await _table.InitializeAsync();
        _host = await EmulatorHost.StartAsync(Options(_table.Name, Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT")!, Output), CancellationToken.None);
        _client = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public void Dispose() => _client?.Dispose();

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _table.DisposeAsync();
    }

    /// <summary>qemu-aarch64 when ./build.sh test runs the suite on the arm64 bootstraps of an x64 machine.</summary>
    public static string? Launcher => Environment.GetEnvironmentVariable("CAMPAIGNS_FUNCTION_LAUNCHER") is { Length: > 0 } value ? value : null;

    /// <summary>Emulator options running the AOT binaries against <paramref name="dynamoDbEndpoint"/>.</summary>
    public static EmulatorOptions Options(string tableName, string dynamoDbEndpoint, TextWriter output)
    {
        var launcher = Launcher;
        var options = NativeOptions(tableName, dynamoDbEndpoint, output);
        if (launcher is not null)
        {
            // Emulated instructions run several times slower: Lambda's 10 s init and the function
            // timeout would measure the emulator, not the function, when twenty processes start at once.
            options.Launcher = launcher;
            options.InitTimeout = TimeSpan.FromSeconds(60);
            options.FunctionTimeout = TimeSpan.FromSeconds(30);
        }

        return options;
    }

    private static EmulatorOptions NativeOptions(string tableName, string dynamoDbEndpoint, TextWriter output) => new()
    {
        HttpPort = 0,
        FunctionTablePath = RepositoryFiles.PathOf("functions/functions.json"),
        FunctionsDirectory = FunctionsDirectory(),
        OpenApiPath = RepositoryFiles.PathOf("docs/openapi.yaml"),
        FunctionEnvironment = new Dictionary<string, string>
        {
            ["TABLE_NAME"] = tableName,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDbEndpoint,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["SMOKE_CALLER"] = SmokeCaller,
            ["WRITE_SCOPE"] = Samples.WriteScope,
        },
        LogFormat = "JSON",
        Output = output,
    };

    /// <summary>Sends a request and checks the answer against the OpenAPI description of <paramref name="template"/>.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string template, string? json = null, Dictionary<string, string>? headers = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _client!.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        int status = (int)response.StatusCode;
        var violations = _contract.Check(method.Method, template, status, response.Content.Headers.ContentType?.ToString(), body);
        violations.ShouldBeEmpty($"{method} {path} → {status} {body}");
        return new ApiResponse(status, all, body);
    }

    internal static string FunctionsDirectory() =>
        Environment.GetEnvironmentVariable("CAMPAIGNS_FUNCTIONS_DIR") is { Length: > 0 } dir
            ? dir
            : throw new InvalidOperationException("CAMPAIGNS_FUNCTIONS_DIR is not set: run the end-to-end tests through ./build.sh test, which AOT-publishes the functions first.");
}
