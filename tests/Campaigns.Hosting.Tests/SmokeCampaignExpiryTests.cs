using Campaigns.Domain.Model;
using Campaigns.Testing;

namespace Campaigns.Hosting.Tests;

public sealed class SmokeCampaignExpiryTests
{
    private const string SmokeCaller = "smoke-client";

    [Fact]
    public void ExpiryOf_WhenSmokeCallerCreatesSmokeCode_IsADayAfterCreation()
    {
        var policy = new SmokeCampaignExpiry(SmokeCaller);

        policy.ExpiryOf(Created("SMOKE-ABC-1234", SmokeCaller)).ShouldBe(Samples.Now.UtcDateTime.AddDays(1));
    }

    [Theory]
    [InlineData("SMOKE-ABC-1234", "admin@example.com")] // a real caller's code that happens to start SMOKE-
    [InlineData("SUMMER-25", SmokeCaller)] // the smoke identity creating an ordinary code
    [InlineData("SMOKEY-1", SmokeCaller)] // the prefix includes the dash
    [InlineData("smoke-abc-1", SmokeCaller)] // codes are stored upper-case; the rule is exact
    [InlineData("SMOKE-ABC-1234", "SMOKE-CLIENT")] // identities compare exactly
    public void ExpiryOf_WhenNotASmokeItem_IsNull(string code, string caller)
    {
        new SmokeCampaignExpiry(SmokeCaller).ExpiryOf(Created(code, caller)).ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ExpiryOf_WhenNoSmokeCallerConfigured_IsNull(string? configured)
    {
        new SmokeCampaignExpiry(configured).ExpiryOf(Created("SMOKE-ABC-1234", "")).ShouldBeNull();
    }

    private static Campaign Created(string code, string caller) => Samples.Campaign(code, lastUpdatedBy: caller);
}
