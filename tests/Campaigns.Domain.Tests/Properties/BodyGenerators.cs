using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Campaigns.Domain.Tests.Properties;

/// <summary>Request bodies near and beyond every validation boundary, valid and not, for property tests.</summary>
internal static class BodyGenerators
{
    private static readonly string[] CodeAlphabet = ["A", "z", "0", "9", "_", "-", " ", "#", "/", "é", "Ａ", "Α", "ı", "ß"];
    private static readonly string[] TextPieces = ["a", "Z", " ", "ü", "漢", "😀", "\n", "\t", "\"", "\\", "<b>", "'", "\u00a0", "\u200b"];
    private static readonly string[] Links = ["https://example.com/terms", "https://example.com/a?b=c#d", "http://example.com", "https://", "javascript:alert(1)", "https://exa mple.com", "https://例え.jp/規約", "HTTPS://EXAMPLE.COM/T"];
    private static readonly string[] Statuses = ["DRAFT", "ACTIVE", "PAUSED", "DELETED", "active", ""];

    // Each field is mostly valid and sometimes wild, so whole bodies are accepted often enough to test
    // the accepting side, while every rule still sees its failures.
    public static Gen<JsonObject> Body() =>
        from code in Mostly(ValidCode(), Text(CodeAlphabet, 0, 36))
        from description in Mostly(Text(TextPieces, 0, 499).Select(t => "x" + t), Text(TextPieces, 0, 520))
        from discount in Mostly(ValidDiscount(), Discount())
        from productId in Mostly(Gen.Fresh(() => Guid.NewGuid().ToString()), Gen.Elements("not-a-guid", "3F2504E0-4F89-41D3-9A0C-0305E82C3301", "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}"))
        from link in Mostly(Text(TextPieces, 0, 40).Select(t => "https://example.com/" + Uri.EscapeDataString(t)), Gen.Elements(Links))
        from start in Mostly(ValidDate(), Date())
        from end in Mostly(ValidDate(), Date())
        from status in Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Statuses).Select(s => (string?)s))
        select new JsonObject
        {
            ["code"] = code,
            ["description"] = description,
            ["discountPercentage"] = discount,
            ["productId"] = productId,
            ["termsConditionsLink"] = link,
            ["fromDate"] = start,
            ["toDate"] = end,
            ["status"] = status,
        };

    private static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> wild) => Gen.Frequency((4, valid), (1, wild));

    private static Gen<string> ValidCode() =>
        from first in Gen.Elements("A", "b", "7")
        from rest in Text(["A", "q", "0", "9", "_", "-"], 2, 31)
        from padded in Gen.Elements(string.Empty, " ")
        select padded + first + rest + padded;

    private static Gen<JsonNode?> ValidDiscount() =>
        from cents in Gen.Choose(1, 10_000)
        select (JsonNode?)JsonValue.Create(cents / 100m);

    private static Gen<JsonNode?> ValidDate() =>
        from offset in Gen.Choose(0, 40_000)
        select (JsonNode?)new DateOnly(2000, 1, 1).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Gen<string> Text(string[] alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from pieces in Gen.ArrayOf(Gen.Elements(alphabet), length)
        select string.Concat(pieces);

    private static Gen<JsonNode?> Discount() => Gen.OneOf(
        from cents in Gen.Choose(-100, 10_100)
        from scale in Gen.Choose(0, 3)
        select (JsonNode?)JsonValue.Create(cents / (decimal)Math.Pow(10, scale)),
        Gen.Elements<JsonNode?>(JsonValue.Create("10"), JsonValue.Create(true), null, JsonValue.Create(1e300)));

    private static Gen<JsonNode?> Date() =>
        from year in Gen.Choose(1999, 2101)
        from month in Gen.Choose(0, 13)
        from day in Gen.Choose(0, 32)
        from style in Gen.Choose(0, 9)
        select (JsonNode?)(style == 0
            ? $"{year}/{month:D2}/{day:D2}"
            : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}"));
}
