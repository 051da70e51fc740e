using Campaigns.Emulator.HttpApi;
using Campaigns.Emulator.Tests.Fakes;
using Campaigns.Testing;

namespace Campaigns.Emulator.Tests.HttpApi;

public sealed class JwtClaimsTests
{
    [Fact]
    public void TryRead_WithBearerToken_ReturnsClaimsAsStrings()
    {
        var token = Jwt.Token("""{"sub":"u-1","email":"ada@example.com","exp":1700000000,"admin":true,"aud":["a","b"],"ctx":{"k":1}}""");

        var ok = JwtClaims.TryRead("Bearer " + token, out var claims);

        ok.ShouldBeTrue();
        var byName = claims.ToDictionary(c => c.Key, c => c.Value);
        byName["sub"].ShouldBe("u-1");
        byName["email"].ShouldBe("ada@example.com");
        byName["exp"].ShouldBe("1700000000");
        byName["admin"].ShouldBe("true");
        byName["aud"].ShouldBe("""["a","b"]""");
        byName["ctx"].ShouldBe("""{"k":1}""");
    }

    [Fact]
    public void TryRead_WithBareToken_AcceptsItAsApiGatewayDoes()
    {
        var ok = JwtClaims.TryRead(Jwt.Token("""{"sub":"u-1"}"""), out var claims);

        ok.ShouldBeTrue();
        claims.ShouldHaveSingleItem().Value.ShouldBe("u-1");
    }

    [Fact]
    public void TryRead_WithUrlSafeBase64Payload_DecodesIt()
    {
        // "??>" and "~~~" encode to base64 containing '+' and '/', which base64url turns into '-' and '_'.
        var payload = """{"sub":"??>~~~"}""";
        Jwt.Base64Url(payload).ShouldMatch("[-_]");

        var ok = JwtClaims.TryRead("bearer " + Jwt.Token(payload), out var claims);

        ok.ShouldBeTrue();
        claims.ShouldHaveSingleItem().Value.ShouldBe("??>~~~");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Bearer abc")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer a.b.c.d")]
    [InlineData("Bearer header.!!!.sig")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public void TryRead_WhenTokenMissingOrMalformed_ReturnsFalse(string? authorization)
    {
        JwtClaims.TryRead(authorization, out var claims).ShouldBeFalse();
        claims.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""["an","array"]""")]
    [InlineData("\"a string\"")]
    public void TryRead_WhenPayloadIsNotAJsonObject_ReturnsFalse(string payload)
    {
        JwtClaims.TryRead("Bearer " + Jwt.Token(payload), out _).ShouldBeFalse();
    }
}
