using System.Globalization;
using System.Security.Cryptography;

namespace Campaigns.Emulator.Runtime;

/// <summary>X-Ray trace ids in the shape Lambda hands to runtimes.</summary>
internal static class TraceIds
{
    /// <summary><c>1-&lt;8 hex: epoch seconds&gt;-&lt;24 hex&gt;</c>.</summary>
    public static string NewRoot(DateTimeOffset time) =>
        "1-" + time.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture) + "-"
        + RandomNumberGenerator.GetHexString(24, lowercase: true);

    /// <summary><c>Root=…;Parent=&lt;16 hex&gt;;Sampled=1</c>, the Lambda-Runtime-Trace-Id header.</summary>
    public static string Header(string root) =>
        $"Root={root};Parent={RandomNumberGenerator.GetHexString(16, lowercase: true)};Sampled=1";
}
