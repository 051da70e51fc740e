using Campaigns.Hosting.Http;
using Campaigns.Testing;

namespace Campaigns.Hosting.Tests.Http;

public sealed class CallerIdentityTests
{
    [Fact]
    public void Of_WhenEmailClaim_ReturnsEmail() =>
        CallerIdentity.Of(Requests.Delete("X").WithClaims(new() { ["email"] = "ann@example.com", ["sub"] = "u-1" })).ShouldBe("ann@example.com");

    [Fact]
    public void Of_WhenOnlySub_ReturnsSub() =>
        CallerIdentity.Of(Requests.Delete("X").WithClaims(new() { ["sub"] = "u-1", ["email"] = " " })).ShouldBe("u-1");

    [Fact]
    public void Of_WhenNoClaims_ReturnsAnonymous() =>
        CallerIdentity.Of(Requests.Delete("X")).ShouldBe("anonymous");

    [Fact]
    public void Of_WhenClaimsWithoutIdentity_ReturnsAnonymous() =>
        CallerIdentity.Of(Requests.Delete("X").WithClaims(new() { ["scope"] = "admin" })).ShouldBe("anonymous");
}
