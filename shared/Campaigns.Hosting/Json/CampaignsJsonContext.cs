using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Domain.Model;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Json;

/// <summary>The one source-generated serializer context: Lambda event/response types and the API's DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(Campaign))]
[JsonSerializable(typeof(CampaignPage))]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class CampaignsJsonContext : JsonSerializerContext
{
    // Created on first use rather than by a static initializer, whose order relative to the generated
    // initializer of Default is not ours to rely on. Two threads racing here each build an equivalent
    // context and one is kept: harmless.
    private static CampaignsJsonContext? _api;

    /// <summary>
    /// <see cref="Default"/>'s options with relaxed escaping, for what the functions write: <c>'</c>,
    /// <c>&amp;</c>, <c>+</c>, <c>&lt;</c> and non-ASCII letters come out as written instead of as
    /// <c>\u0027</c>-style escapes. Those need no escaping in a JSON API: every body is served as JSON with
    /// <c>x-content-type-options: nosniff</c>, never inlined into HTML. Quotes, backslashes, control
    /// characters and line separators are still escaped, so the output is valid JSON.
    /// </summary>
    public static CampaignsJsonContext Api =>
        _api ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
