using Campaigns.Emulator.HttpApi;
using Campaigns.Testing;

namespace Campaigns.Emulator.Tests.HttpApi;

public sealed class JwtScopesTests
{
    [Theory]
    [InlineData("""{"sub":"u-1","scope":"campaigns/read campaigns/write"}""", new[] { "campaigns/read", "campaigns/write" })]
    [InlineData("""{"sub":"u-1","scope":"  campaigns/write  "}""", new[] { "campaigns/write" })]
    [InlineData("""{"sub":"u-1","scp":"campaigns/write"}""", new[] { "campaigns/write" })]
    [InlineData("""{"sub":"u-1","scp":["campaigns/read","campaigns/write"]}""", new[] { "campaigns/read", "campaigns/write" })]
    [InlineData("""{"sub":"u-1","scope":"campaigns/write","scp":"other"}""", new[] { "campaigns/write" })]
    public void From_ReadsScopeElseScp(string payload, string[] expected) =>
        JwtScopes.From(Claims(payload)).ShouldBe(expected);

    [Theory]
    [InlineData("""{"sub":"u-1"}""")]
    [InlineData("""{"sub":"u-1","scope":""}""")]
    [InlineData("""{"sub":"u-1","scope":"   "}""")]
    [InlineData("""{"sub":"u-1","scp":[]}""")]
    [InlineData("""{"sub":"u-1","scp":[1,true]}""")]
    public void From_WhenNoScopes_IsNull(string payload) =>
        JwtScopes.From(Claims(payload)).ShouldBeNull();

    private static IReadOnlyList<KeyValuePair<string, string>> Claims(string payload)
    {
        JwtClaims.TryRead(Jwt.Token(payload), out var claims).ShouldBeTrue();
        return claims;
    }
}
