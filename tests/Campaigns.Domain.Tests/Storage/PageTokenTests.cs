using Campaigns.Domain.Storage;

namespace Campaigns.Domain.Tests.Storage;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("ABC")]
    [InlineData("A_B-C-0123456789012345678901234")]
    public void Encode_ThenDecode_ReturnsCode(string code)
    {
        PageToken.TryDecode(PageToken.Encode(code), out string decoded).ShouldBeTrue();
        decoded.ShouldBe(code);
    }

    [Fact]
    public void Encode_IsUrlSafe()
    {
        PageToken.Encode("SOME-CODE_99").ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("!!!!")]
    [InlineData("eyJjb2RlIjoiQUJDIn0")] // base64 of someone else's JSON token
    [InlineData("YzE6QUJDOjAwMDAwMDAwMDAwMDAwMDA")] // right shape, wrong checksum
    public void TryDecode_WhenForeignOrBroken_ReturnsFalse(string token)
    {
        PageToken.TryDecode(token, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryDecode_WhenOneCharacterChanged_ReturnsFalse()
    {
        string token = PageToken.Encode("SUMMER-25");
        char[] chars = token.ToCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';

        PageToken.TryDecode(new string(chars), out _).ShouldBeFalse();
    }

    [Fact]
    public void TryDecode_WhenTooLong_ReturnsFalse()
    {
        PageToken.TryDecode(new string('A', 200), out _).ShouldBeFalse();
    }
}
