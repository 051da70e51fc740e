namespace Campaigns.EndToEnd.Tests.OpenApi;

/// <summary>The contract checker must be able to fail, or the end-to-end checks built on it prove nothing.</summary>
public sealed class OpenApiContractTests
{
    private const string Item = "/v1.0/campaigns/{code}";
    private const string Valid = """
        {"code":"SUMMER-25","id":"6b7e2c1a-1f0e-4c1b-9d5e-2a8f3c4d5e6f","description":"Summer sale","discountPercentage":12.5,
         "productId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","termsConditionsLink":"https://example.com/terms","fromDate":"2025-06-01",
         "toDate":"2025-08-31","status":"ACTIVE","active":true,"dateCreated":"2025-06-15T10:30:00.123Z",
         "dateLastUpdated":"2025-06-15T10:30:00.123Z","version":1}
        """;

    private readonly OpenApiContract _contract = OpenApiContract.Load();

    [Fact]
    public void Check_WhenCampaignConforms_ReportsNothing() =>
        _contract.Check("GET", Item, 200, "application/json", Valid).ShouldBeEmpty();

    [Theory]
    [InlineData("\"version\":1", "\"version\":0", "below minimum")]
    [InlineData("\"status\":\"ACTIVE\"", "\"status\":\"DELETED\"", "is not one of")]
    [InlineData("\"code\":\"SUMMER-25\"", "\"code\":\"summer-25\"", "does not match")]
    [InlineData("\"fromDate\":\"2025-06-01\"", "\"fromDate\":\"2025-02-30\"", "not a valid date")]
    [InlineData("\"active\":true", "\"active\":\"yes\"", "expected")]
    [InlineData("\"id\":\"6b7e2c1a-1f0e-4c1b-9d5e-2a8f3c4d5e6f\",", "", "missing required property 'id'")]
    [InlineData("\"version\":1}", "\"version\":1,\"lastUpdatedBy\":\"ann@example.com\"}", "$.lastUpdatedBy: property not allowed")]
    [InlineData("\"version\":1}", "\"version\":1,\"extra\":1}", "not allowed")]
    [InlineData("\"discountPercentage\":12.5", "\"discountPercentage\":0", "not above")]
    public void Check_WhenCampaignBreaksSchema_SaysWhere(string from, string to, string expected)
    {
        var errors = _contract.Check("GET", Item, 200, "application/json", Valid.Replace(from, to, StringComparison.Ordinal));

        errors.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenStatusUndocumented_Fails() =>
        _contract.Check("GET", Item, 418, "application/json", "{}").ShouldHaveSingleItem().ShouldContain("does not document status 418");

    [Fact]
    public void Check_WhenContentTypeUndocumented_Fails() =>
        _contract.Check("GET", Item, 404, "application/json", "{}").ShouldHaveSingleItem().ShouldContain("content type");

    [Fact]
    public void Check_WhenBodyOnBodilessStatus_Fails() =>
        _contract.Check("DELETE", Item, 204, null, "{}").ShouldHaveSingleItem().ShouldContain("without a body");

    [Fact]
    public void Check_WhenProblemLacksFields_Fails() =>
        _contract.Check("GET", Item, 404, "application/problem+json", "{\"title\":\"x\"}").Count.ShouldBe(3);
}
