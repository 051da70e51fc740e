using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Domain.Validation;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Validation;

public sealed class CampaignValidatorTests
{
    [Fact]
    public void Validate_WhenBodyValid_ReturnsNormalisedDraft()
    {
        var body = Samples.Body("  spring_sale-1 ");
        body["discountPercentage"] = JsonValue.Create(10.50m);
        body["status"] = "PAUSED";

        var (draft, errors) = Validate(body);

        errors.ShouldBeEmpty();
        draft!.Code.ShouldBe("SPRING_SALE-1");
        draft.DiscountPercentage.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("10.5");
        draft.ProductId.ShouldBe(Samples.ProductId);
        draft.FromDate.ShouldBe(new DateOnly(2025, 6, 1));
        draft.Status.ShouldBe("PAUSED");
    }

    [Fact]
    public void Validate_WhenEverythingMissing_ReportsEachRequiredField()
    {
        var (draft, errors) = Validate(new JsonObject());

        draft.ShouldBeNull();
        errors.Keys.ShouldBe(["code", "description", "discountPercentage", "productId", "termsConditionsLink", "fromDate", "toDate"], ignoreOrder: true);
        errors["code"].ShouldBe(["is required"]);
    }

    [Fact]
    public void Validate_WhenStatusNull_TreatsItAsAbsent()
    {
        var body = Samples.Body();
        body["status"] = null;

        var (draft, _) = Validate(body);

        draft!.Status.ShouldBeNull();
    }

    [Fact]
    public void Validate_WhenUnknownPropertiesPresent_IgnoresThem()
    {
        var body = Samples.Body();
        body["id"] = "client-chosen";
        body["version"] = 99;

        Validate(body).Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-abc")]
    [InlineData("_abc")]
    [InlineData("ab#c")]
    [InlineData("ab/c")]
    [InlineData("ab c")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33
    [InlineData("CAFÉ")]
    [InlineData("ＡＢＣ")] // full-width look-alikes
    [InlineData("ΑΒΓ")] // Greek capitals that look Latin
    public void Validate_WhenCodeInvalid_ReportsCode(string code) => ShouldReject("code", code);

    [Theory]
    [InlineData("abc", "ABC")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")] // 32
    [InlineData(" 9-lives_ ", "9-LIVES_")]
    public void Validate_WhenCodeValid_NormalisesIt(string code, string expected)
    {
        Validate(Samples.Body(code)).Draft!.Code.ShouldBe(expected);
    }

    [Fact]
    public void Validate_WhenCodeNotString_ReportsType() => ShouldReject("code", JsonValue.Create(123), "must be a string");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenDescriptionBlank_ReportsDescription(string description) => ShouldReject("description", description);

    [Fact]
    public void Validate_WhenDescriptionTooLong_ReportsDescription() => ShouldReject("description", new string('x', 501));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("bell \u0007")]
    [InlineData("\u001b[2J")]
    [InlineData("del \u007f")]
    [InlineData("next line \u0085")]
    [InlineData("\u009f")]
    [InlineData("\ufdd0")]
    [InlineData("\ufdef")]
    [InlineData("\ufffe")]
    [InlineData("\uffff")]
    [InlineData("\U0001FFFF")]
    [InlineData("\U0010FFFE")]
    public void Validate_WhenDescriptionHasAControlOrNonCharacter_ReportsDescription(string text) =>
        ShouldReject("description", text, CampaignValidator.DescriptionCharactersRule);

    [Theory]
    [InlineData("tab\tline\nreturn\r")]
    [InlineData("\u202eevil\u202c \u2066iso\u2069 \u200f")]
    [InlineData("\ufdcf \ufdf0 \ufffd \U0001F600")]
    public void Validate_WhenDescriptionHasTabsLineBreaksBidiOrOtherCharacters_Accepts(string text) =>
        Accepts("description", text);

    [Theory]
    [InlineData("description", "\\ud800")]
    [InlineData("productId", "\\udc00")]
    [InlineData("fromDate", "2025-01-0\\udbff")]
    public void Validate_WhenAStringHasALoneSurrogate_ReportsThatField(string field, string escaped)
    {
        var body = Samples.Body();
        body.Remove(field);
        using var document = JsonDocument.Parse(body.ToJsonString()[..^1] + ",\"" + field + "\":\"" + escaped + "\"}");
        var errors = new ValidationErrors();

        CampaignValidator.Validate(document.RootElement, null, errors).ShouldBeNull();

        errors.ToDictionary()[field].ShouldBe([CampaignValidator.UnpairedSurrogateRule]);
    }

    [Fact]
    public void Validate_WhenDescriptionAtLimits_Accepts()
    {
        Accepts("description", "x");
        Accepts("description", new string('x', 500));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.01")]
    [InlineData("100.001")]
    [InlineData("10.123")]
    [InlineData("0.001")]
    [InlineData("1e309")]
    [InlineData("\"10\"")]
    [InlineData("true")]
    [InlineData("[]")]
    public void Validate_WhenDiscountInvalid_ReportsDiscount(string json) => ShouldReject("discountPercentage", JsonNode.Parse(json));

    [Theory]
    [InlineData("0.01")]
    [InlineData("100")]
    [InlineData("100.00")]
    [InlineData("1e1")]
    [InlineData("99.99")]
    public void Validate_WhenDiscountValid_Accepts(string json) => Accepts("discountPercentage", JsonNode.Parse(json));

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("")]
    public void Validate_WhenProductIdInvalid_ReportsProductId(string productId) => ShouldReject("productId", productId);

    [Theory]
    [InlineData("http://example.com/terms")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/terms")]
    [InlineData("example.com/terms")]
    [InlineData("https://")]
    [InlineData("https://exa mple.com")]
    [InlineData(" https://example.com")]
    [InlineData("https://user:pw@example.com/")]
    [InlineData("ftp://example.com/terms")]
    public void Validate_WhenLinkInvalid_ReportsLink(string link) => ShouldReject("termsConditionsLink", link);

    [Fact]
    public void Validate_WhenLinkAtLengthLimit_AcceptsAndBeyondRejects()
    {
        string prefix = "https://example.com/";
        Accepts("termsConditionsLink", prefix + new string('a', 2048 - prefix.Length));
        ShouldReject("termsConditionsLink", prefix + new string('a', 2049 - prefix.Length));
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025/01/01")]
    [InlineData("2025-1-01")]
    [InlineData("01-01-2025")]
    [InlineData("2025-01-01T00:00:00Z")]
    [InlineData("")]
    public void Validate_WhenFromDateInvalid_ReportsFromDate(string date) => ShouldReject("fromDate", date);

    [Fact]
    public void Validate_WhenToDateBeforeFromDate_ReportsToDate()
    {
        var body = Samples.Body();
        body["toDate"] = "2025-05-31";

        Validate(body).Errors["toDate"].ShouldBe(["must be on or after fromDate"]);
    }

    [Fact]
    public void Validate_WhenToDateEqualsFromDate_Accepts() => Accepts("toDate", "2025-06-01");

    [Fact]
    public void Validate_WhenLeapDay_Accepts()
    {
        var body = Samples.Body();
        body["fromDate"] = "2024-02-29";
        body["toDate"] = "2024-02-29";

        Validate(body).Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("DELETED")]
    [InlineData("active")]
    [InlineData("ARCHIVED")]
    public void Validate_WhenStatusNotSettable_ReportsStatus(string status) => ShouldReject("status", status);

    [Fact]
    public void Validate_OnUpdateWithoutCode_UsesPathCode()
    {
        var body = Samples.Body();
        body.Remove("code");

        Validate(body, "SUMMER-25").Draft!.Code.ShouldBe("SUMMER-25");
    }

    [Fact]
    public void Validate_OnUpdateWithSameCodeInOtherCase_Accepts()
    {
        Validate(Samples.Body("summer-25"), "SUMMER-25").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_OnUpdateWithDifferentCode_ReportsCode()
    {
        Validate(Samples.Body("OTHER"), "SUMMER-25").Errors["code"].ShouldBe(["must match the code in the path"]);
    }

    private static void ShouldReject(string field, JsonNode? value, string? message = null)
    {
        var body = Samples.Body();
        body[field] = value;

        var (draft, errors) = Validate(body);

        draft.ShouldBeNull();
        errors.Keys.ShouldBe([field]);
        if (message is not null)
        {
            errors[field].ShouldBe([message]);
        }
    }

    private static void Accepts(string field, JsonNode? value)
    {
        var body = Samples.Body();
        body[field] = value;

        Validate(body).Errors.ShouldBeEmpty();
    }

    private static (CampaignDraft? Draft, IReadOnlyDictionary<string, string[]> Errors) Validate(JsonObject body, string? pathCode = null)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        var errors = new ValidationErrors();
        var draft = CampaignValidator.Validate(document.RootElement, pathCode, errors);
        return (draft, errors.ToDictionary());
    }
}
