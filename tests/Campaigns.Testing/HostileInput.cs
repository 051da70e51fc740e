using System.Globalization;
using System.Text;

namespace Campaigns.Testing;

/// <summary>
/// Hostile request parts for property tests: raw JSON text (which a JSON object model cannot express:
/// lone surrogate escapes, repeated member names), header values and path codes. A fixed seed makes
/// every run, and every failure, the same.
/// </summary>
public static class HostileInput
{
    public const int Seed = 20_261_206;

    // JSON string contents, already escaped as they appear between the quotes.
    private static readonly string[] HostileStrings =
    [
        "\\ud800", "\\udc00", "\\udbff", "\\udfff", "x\\ud800y", "\\ud800\\u0041", "\\ud800\\ud800", "\\udc00\\ud800",
        "\\ud83d", "\\ud83d\\ude00", "a\\u0000b", "\\u0001", "\\u001f", "\\u007f", "\\u0085", "\\u009f", "\\b\\f",
        "\u202e", "\\u202e", "\u2066x\u2069", "\\u200f", "\\ufeff", "\\ufffe", "\\uffff", "\\ufdd0", "\ufdef",
        "\U0010FFFF", "\U0001FFFE", "\\n\\r\\t", "\\\\", "\\\"", "&lt;script&gt;", "<script>", "'; DROP TABLE", "${jndi:x}",
        "%00", "\u00a0", "\u200b", "\u0130", "SUMMER-25", "summer-25\\u0000", "",
    ];

    private static readonly string[] HostileNumbers =
    [
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890123456789", "0.000000000000000000000000000001",
        "79228162514264337593543950336", "-0", "12.345", "100.001", "1E2", "9007199254740993", "0", "-5",
    ];

    private static readonly string[] Fields =
        ["code", "description", "discountPercentage", "productId", "termsConditionsLink", "fromDate", "toDate", "status"];

    /// <summary>A campaign body with one to three hostile changes, as raw JSON text (maybe invalid JSON).</summary>
    public static IEnumerable<string> Bodies(int count, bool withCode = true)
    {
        var random = new Random(Seed);
        for (int i = 0; i < count; i++)
        {
            var members = ValidMembers(withCode);
            int changes = random.Next(1, 4);
            for (int c = 0; c < changes; c++)
            {
                Mutate(random, members);
            }

            string body = "{" + string.Join(",", members.Select(m => m.Name + ":" + m.Value)) + "}";
            yield return random.Next(20) == 0 ? body[..random.Next(body.Length)] : body;
        }
    }

    /// <summary>Values for headers such as If-Match and If-None-Match.</summary>
    public static IEnumerable<string> HeaderValues(int count)
    {
        var random = new Random(Seed + 1);
        string[] pieces = ["\"1\"", "W/\"1\"", "*", ",", " ", "\"", "\"-1\"", "\"99999999999999999999\"", "\"1e3\"", "\u0000", "\ud800", "\u202e", "\ufeff", "\"\\u0031\"", "\"1\" , \"2\"", "garbage"];
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(1, 6);
            for (int p = 0; p < length; p++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            if (random.Next(10) == 0)
            {
                text.Append(string.Concat(Enumerable.Repeat(",\"1\"", random.Next(1, 200))));
            }

            yield return text.ToString();
        }
    }

    /// <summary>Path codes as API Gateway hands them over (already percent-decoded).</summary>
    public static IEnumerable<string> Codes(int count)
    {
        var random = new Random(Seed + 2);
        string[] pieces = ["A", "z", "0", "-", "_", "#", "/", "%", "\u0000", "\ud800", "\udc00", "\u202e", "\uffff", "İ", "ß", "Ａ", " ", "..", "CAMPAIGN#X"];
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 40);
            for (int p = 0; p < length; p++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return text.ToString();
        }
    }

    private static List<(string Name, string Value)> ValidMembers(bool withCode)
    {
        var members = new List<(string Name, string Value)>
        {
            ("\"description\"", "\"Summer sale\""),
            ("\"discountPercentage\"", "12.5"),
            ("\"productId\"", "\"" + Samples.ProductId + "\""),
            ("\"termsConditionsLink\"", "\"https://example.com/terms\""),
            ("\"fromDate\"", "\"2025-06-01\""),
            ("\"toDate\"", "\"2025-08-31\""),
        };
        if (withCode)
        {
            members.Insert(0, ("\"code\"", "\"SUMMER-25\""));
        }

        return members;
    }

    private static void Mutate(Random random, List<(string Name, string Value)> members)
    {
        int at = random.Next(members.Count);
        switch (random.Next(8))
        {
            case 0:
            case 1:
                // A hostile string in a known field, alone or inside valid text.
                string text = Pick(random, HostileStrings);
                members[at] = (members[at].Name, "\"" + (random.Next(2) == 0 ? text : "Sale " + text + " end") + "\"");
                break;
            case 2:
                members[at] = (members[at].Name, Pick(random, HostileNumbers));
                break;
            case 3:
                // A repeated member name, at the top or in a nested object.
                var (name, value) = members[random.Next(members.Count)];
                members.Add(random.Next(2) == 0 ? (name, value) : ("\"extra\"", "{" + name + ":1," + name + ":2}"));
                break;
            case 4:
                members[at] = (members[at].Name, Nested(random));
                break;
            case 5:
                // An unknown member whose name or value is hostile.
                members.Add(("\"" + Pick(random, HostileStrings) + "\"", "\"" + Pick(random, HostileStrings) + "\""));
                break;
            case 6:
                string field = Pick(random, Fields);
                members.Add(("\"" + field + "\"", random.Next(2) == 0 ? "null" : "[\"" + Pick(random, HostileStrings) + "\"]"));
                break;
            default:
                members.RemoveAt(at);
                break;
        }
    }

    private static string Nested(Random random)
    {
        int depth = random.Next(1, 120);
        bool objects = random.Next(2) == 0;
        return objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + "\"" + Pick(random, HostileStrings) + "\"" + new string(']', depth);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>Describes a case in a failure message with its non-ASCII and control characters escaped.</summary>
    public static string Printable(string text)
    {
        var printable = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            printable.Append(c is >= ' ' and <= '~' ? c.ToString() : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        return printable.ToString();
    }
}
