namespace Campaigns.Emulator.Hosting;

internal static class OptionsValidator
{
    public static void Validate(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HttpPort is < 0 or > 65535)
        {
            throw new ArgumentException($"HttpPort {options.HttpPort} is not a port number.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.FunctionTablePath) || !File.Exists(options.FunctionTablePath))
        {
            throw new ArgumentException($"Function table '{options.FunctionTablePath}' does not exist.", nameof(options));
        }

        if (options.LaunchOverride is null
            && (string.IsNullOrWhiteSpace(options.FunctionsDirectory) || !Directory.Exists(options.FunctionsDirectory)))
        {
            throw new ArgumentException($"Functions directory '{options.FunctionsDirectory}' does not exist.", nameof(options));
        }

        Positive(options.FunctionTimeout, nameof(options.FunctionTimeout));
        Positive(options.InitTimeout, nameof(options.InitTimeout));
        Positive(options.IdleTimeout, nameof(options.IdleTimeout));
        if (options.MaxConcurrencyPerFunction < 1 || options.MemorySizeMb < 1)
        {
            throw new ArgumentException("MaxConcurrencyPerFunction and MemorySizeMb must be at least 1.", nameof(options));
        }

        if (!string.Equals(options.LogFormat, "Text", StringComparison.Ordinal) && !string.Equals(options.LogFormat, "JSON", StringComparison.Ordinal))
        {
            throw new ArgumentException($"LogFormat must be Text or JSON, not '{options.LogFormat}'.", nameof(options));
        }

        if (options.OpenApiPath is not null && !File.Exists(options.OpenApiPath))
        {
            throw new ArgumentException($"OpenAPI file '{options.OpenApiPath}' does not exist.", nameof(options));
        }

        if (options.DocsPath is not null && !File.Exists(options.DocsPath))
        {
            throw new ArgumentException($"Docs page '{options.DocsPath}' does not exist.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.Output, nameof(options.Output));
        ArgumentNullException.ThrowIfNull(options.FunctionEnvironment, nameof(options.FunctionEnvironment));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive.", name);
        }
    }
}
