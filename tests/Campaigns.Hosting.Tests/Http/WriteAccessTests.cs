using Campaigns.Hosting.Http;
using Campaigns.Testing;

namespace Campaigns.Hosting.Tests.Http;

public sealed class WriteAccessTests
{
    [Fact]
    public void TryAuthorize_WhenSubAndScope_ReturnsTheSub()
    {
        var request = Requests.Delete("X").WithClaims(new() { ["sub"] = "u-1", ["email"] = "ann@example.com" }).WithScopes("campaigns/read", Samples.WriteScope);

        new WriteAccess(Samples.WriteScope).TryAuthorize(request, out string caller, out var problem).ShouldBeTrue();

        caller.ShouldBe("u-1");
        problem.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(WriteAuthCases.Refused), MemberType = typeof(WriteAuthCases))]
    public void TryAuthorize_WhenCallerOrScopeMissing_Refuses(string name, int status)
    {
        new WriteAccess(Samples.WriteScope).TryAuthorize(WriteAuthCases.Apply(name, Requests.Delete("X")), out string caller, out var problem).ShouldBeFalse();

        caller.ShouldBeEmpty();
        problem.ShouldNotBeNull().ShouldBeRefusal(status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryAuthorize_WhenNoScopeConfigured_NeedsOnlyASub(string? configured)
    {
        var access = new WriteAccess(configured);

        access.RequiredScope.ShouldBeNull();
        access.TryAuthorize(Requests.Delete("X").WithScopes(null), out string caller, out _).ShouldBeTrue();
        caller.ShouldBe(Samples.Writer);
        access.TryAuthorize(Requests.Delete("X").WithClaims(new() { ["email"] = "ann@example.com" }), out _, out var problem).ShouldBeFalse();
        problem.ShouldNotBeNull().ShouldBeRefusal(401);
    }

    [Theory]
    [InlineData("campaigns/write campaigns/read")]
    [InlineData("campaigns/\"write")]
    [InlineData("campaigns\\write")]
    [InlineData("campaigns/write\n")]
    [InlineData("campaigns/wrïte")]
    public void New_WhenScopeNotOneScopeToken_Fails(string configured) =>
        Should.Throw<InvalidOperationException>(() => new WriteAccess(configured)).Message.ShouldBe("Environment variable WRITE_SCOPE is not a single OAuth scope.");
}
