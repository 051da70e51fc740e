using System.Text;
using System.Text.Json.Nodes;

namespace Campaigns.EndToEnd.Tests;

/// <summary>Unsigned tokens for the emulator's local JWT stand-in, which decodes but does not verify.</summary>
internal static class Jwt
{
    public static string Bearer(JsonObject claims) =>
        "Bearer " + Segment("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Segment(claims.ToJsonString()) + ".sig";

    private static string Segment(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
