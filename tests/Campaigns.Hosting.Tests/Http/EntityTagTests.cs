using Campaigns.Hosting.Http;

namespace Campaigns.Hosting.Tests.Http;

public sealed class EntityTagTests
{
    [Fact]
    public void Format_QuotesVersion() => EntityTag.Format(42).ShouldBe("\"42\"");

    [Theory]
    [InlineData("\"3\"", new long[] { 3 })]
    [InlineData("\"3\", \"5\"", new long[] { 3, 5 })]
    [InlineData("W/\"3\"", new long[] { })]
    [InlineData("\"abc\"", new long[] { })]
    public void TryParseIfMatch_WhenWellFormed_ReturnsStrongVersions(string header, long[] expected)
    {
        EntityTag.TryParseIfMatch(header, out var versions).ShouldBeTrue();
        versions.ShouldBe(expected);
    }

    [Fact]
    public void TryParseIfMatch_WhenStar_ReturnsAnyVersion()
    {
        EntityTag.TryParseIfMatch(" * ", out var versions).ShouldBeTrue();
        versions.ShouldBeNull();
    }

    [Theory]
    [InlineData("3")]
    [InlineData("garbage")]
    [InlineData("\"3")]
    [InlineData("\"3\"\"")]
    [InlineData("")]
    [InlineData(",")]
    public void TryParseIfMatch_WhenMalformed_ReturnsFalse(string header)
    {
        EntityTag.TryParseIfMatch(header, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("\"7\"", true)]
    [InlineData("W/\"7\"", true)]
    [InlineData("\"6\", \"7\"", true)]
    [InlineData("*", true)]
    [InlineData("\"6\"", false)]
    [InlineData("junk", false)]
    public void NoneMatchHits_ComparesWeakly(string header, bool expected)
    {
        EntityTag.NoneMatchHits(header, 7).ShouldBe(expected);
    }
}
