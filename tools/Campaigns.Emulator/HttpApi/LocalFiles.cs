namespace Campaigns.Emulator.HttpApi;

/// <summary>
/// What the emulator serves beside the API, for local use: the contract at <c>/openapi.yaml</c> and its
/// rendered reference at <c>/docs</c>. API Gateway serves neither; only GET reaches them, anything else
/// goes on to the routes.
/// </summary>
internal sealed class LocalFiles
{
    /// <summary>
    /// The reference page inlines Redoc's script, styles and the definition, so inline script and style must
    /// run; every other source is this origin (or a data: image or font), so the page can load nothing from
    /// elsewhere. Redoc probes eval for its search worker and falls back without it, so eval stays off.
    /// </summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'none'";

    private readonly Dictionary<string, LocalFile> _byPath = new(StringComparer.Ordinal);

    public LocalFiles(string? openApiPath, string? docsPath)
    {
        if (openApiPath is not null)
        {
            _byPath["/openapi.yaml"] = new LocalFile(openApiPath, "application/yaml", []);
        }

        if (docsPath is not null)
        {
            var docs = new LocalFile(
                docsPath,
                "text/html; charset=utf-8",
                [
                    new("content-security-policy", DocsContentSecurityPolicy),
                    new("x-content-type-options", "nosniff"),
                    new("referrer-policy", "no-referrer"),
                ]);
            _byPath["/docs"] = docs;
            _byPath["/docs/"] = docs;
        }
    }

    public static LocalFiles None { get; } = new(null, null);

    public LocalFile? Find(string method, string path) =>
        HttpMethods.IsGet(method) && _byPath.TryGetValue(path, out var file) ? file : null;

    public static async Task ServeAsync(HttpContext context, LocalFile file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        // Read per request, so an edited (or rebuilt) file shows without a restart.
        var bytes = await File.ReadAllBytesAsync(file.FilePath, context.RequestAborted);
        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = bytes.Length;
        foreach (var (name, value) in file.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
