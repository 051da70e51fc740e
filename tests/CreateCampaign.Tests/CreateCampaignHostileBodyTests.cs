using System.Text;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.CreateCampaign.Tests;

public sealed class CreateCampaignHostileBodyTests
{
    // The documented cap (README, docs/openapi.yaml), stated here on its own so a change to it is seen.
    private const int MaxBodyBytes = 16 * 1024;

    private readonly FakeCampaignStore _store = new();
    private readonly CreateCampaignHandler _handler;

    public CreateCampaignHostileBodyTests() => _handler = new CreateCampaignHandler(_store, new FakeTimeProvider(Samples.Now), new WriteAccess(Samples.WriteScope));

    [Theory]
    [InlineData("description", "\\ud800")]
    [InlineData("description", "\\udc00")]
    [InlineData("description", "Sale \\ud800\\u0041")]
    [InlineData("description", "\\udc00\\ud800")]
    [InlineData("termsConditionsLink", "https://example.com/\\udbff")]
    [InlineData("code", "A\\ud800B")]
    [InlineData("status", "\\udfff")]
    public async Task Create_WhenStringHasLoneSurrogate_Returns400NamingTheField(string field, string escaped)
    {
        string body = WithRawValue(field, "\"" + escaped + "\"");

        var response = await _handler.HandleAsync(Requests.Post(null).WithBody(body), default);

        response.ShouldBeProblemFor(field).ShouldHaveSingleItem().ShouldContain("surrogate");
        _store.Peek("SUMMER-25").ShouldBeNull();
    }

    [Fact]
    public async Task Create_WhenUnknownMemberHasLoneSurrogate_Returns400NamingIt()
    {
        string body = Samples.Body().ToJsonString().Replace("{", "{\"note\":{\"inner\":[\"\\ud800\"]},", StringComparison.Ordinal);

        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).ShouldBeProblemFor("note.inner[0]");
    }

    [Fact]
    public async Task Create_WhenMemberNameIsALoneSurrogate_Returns400()
    {
        string body = Samples.Body().ToJsonString().Replace("{", "{\"\\ud800\":1,", StringComparison.Ordinal);

        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).ShouldBeJson(400);
    }

    [Theory]
    [InlineData("{\"description\":\"a\",\"description\":\"b\"}")]
    [InlineData("{\"extra\":{\"x\":1,\"x\":2}}")]
    [InlineData("{\"extra\":[{\"x\":1},{\"y\":1,\"y\":1}]}")]
    public async Task Create_WhenAMemberNameRepeats_Returns400AndStoresNothing(string extra)
    {
        // The repeated names go first, the valid body after: only the repetition is wrong.
        string body = extra[..^1] + "," + Samples.Body().ToJsonString()[1..];

        var response = await _handler.HandleAsync(Requests.Post(null).WithBody(body), default);

        response.ShouldBeProblemFor("body").ShouldHaveSingleItem().ShouldContain("repeats a member name");
        _store.Peek("SUMMER-25").ShouldBeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_WhenBodyAboveTheCap_Returns413BeforeParsing(bool base64)
    {
        // Valid JSON but for its size: only the cap can refuse it.
        string body = Padded(MaxBodyBytes + 1);
        var request = Requests.Post(null).WithBody(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body, base64);

        var problem = (await _handler.HandleAsync(request, default)).ShouldBeJson(413);

        problem.GetProperty("status").GetInt32().ShouldBe(413);
        problem.GetProperty("detail").GetString()!.ShouldContain("16384");
        _store.Peek("SUMMER-25").ShouldBeNull();
    }

    [Fact]
    public async Task Create_WhenBodyAboveTheCapInBytesButNotInCharacters_Returns413()
    {
        // 'é' is two UTF-8 bytes: the cap counts bytes, not characters.
        string body = Padded(MaxBodyBytes - 100).Replace("xxxxxxxxxx", "éééééééééé", StringComparison.Ordinal);
        Encoding.UTF8.GetByteCount(body).ShouldBeGreaterThan(MaxBodyBytes);
        body.Length.ShouldBeLessThanOrEqualTo(MaxBodyBytes);

        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).StatusCode.ShouldBe(413);
    }

    [Fact]
    public async Task Create_WhenBase64TextAboveTheCapButNotItsBytes_IsAccepted()
    {
        // Base64 grows a body by a third: the cap applies to the decoded bytes.
        string body = Padded(MaxBodyBytes);
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        encoded.Length.ShouldBeGreaterThan(MaxBodyBytes);

        (await _handler.HandleAsync(Requests.Post(null).WithBody(encoded, base64: true), default)).StatusCode.ShouldBe(201);
    }

    [Fact]
    public async Task Create_WhenTheLargestValidCampaignHasEveryCharacterEscaped_StaysUnderTheCap()
    {
        // The cap must never refuse a valid campaign, however its client chose to escape it.
        static string Escaped(string text) => string.Concat(text.Select(c => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
        string body = "{"
            + "\"code\":\"" + Escaped("A" + new string('B', 31)) + "\","
            + "\"description\":\"" + Escaped(new string('\u00e9', 500)) + "\","
            + "\"discountPercentage\":99.99,"
            + "\"productId\":\"" + Escaped(Samples.ProductId.ToString()) + "\","
            + "\"termsConditionsLink\":\"" + Escaped("https://example.com/" + new string('t', 2028)) + "\","
            + "\"fromDate\":\"" + Escaped("2025-06-01") + "\","
            + "\"toDate\":\"" + Escaped("2025-08-31") + "\","
            + "\"status\":\"" + Escaped("PAUSED") + "\"}";

        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).StatusCode.ShouldBe(201);
        Encoding.UTF8.GetByteCount(body).ShouldBeGreaterThan(15_000);
    }

    [Fact]
    public async Task Create_WhenBodyExactlyAtTheCap_IsAccepted()
    {
        (await _handler.HandleAsync(Requests.Post(null).WithBody(Padded(MaxBodyBytes)), default)).StatusCode.ShouldBe(201);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u0007")]
    [InlineData("\\u001b[31m")]
    [InlineData("\\u007f")]
    [InlineData("\\u0085")]
    [InlineData("\\ufffe")]
    [InlineData("\\ufdd0")]
    [InlineData("\\udbff\\udfff")]
    public async Task Create_WhenDescriptionHasAControlCharacterOrNonCharacter_Returns400(string escaped)
    {
        string body = WithRawValue("description", "\"Summer " + escaped + " sale\"");

        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).ShouldBeProblemFor("description");
    }

    [Theory]
    [InlineData("Line one\\nLine two\\r\\n\\tindented", "Line one\nLine two\r\n\tindented")]
    [InlineData("\u05e9\u05dc\u05d5\u05dd \\u200fsale\\u202e", "\u05e9\u05dc\u05d5\u05dd \u200fsale\u202e")]
    [InlineData("Emoji \\ud83d\\ude00", "Emoji \U0001F600")]
    public async Task Create_WhenDescriptionHasLineBreaksTabsBidiOrPairs_KeepsThemExactly(string escaped, string expected)
    {
        string body = WithRawValue("description", "\"" + escaped + "\"");

        (await _handler.HandleAsync(Requests.Post(null).WithBody(body), default)).ShouldBeJson(201);
        _store.Peek("SUMMER-25")!.Description.ShouldBe(expected);
    }

    [Fact]
    public async Task Create_HostileBodies_NeverAnswer5xxNorStoreWhatTheyRefuse()
    {
        int cases = 0;
        int accepted = 0;
        foreach (string body in HostileInput.Bodies(3000))
        {
            foreach (bool base64 in new[] { false, true })
            {
                var store = new FakeCampaignStore();
                var handler = new CreateCampaignHandler(store, new FakeTimeProvider(Samples.Now), new WriteAccess(Samples.WriteScope));
                var request = Requests.Post(null).WithBody(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body, base64);
                HttpApiResponse response;
                try
                {
                    response = await handler.HandleAsync(request, default);
                }
                catch (Exception exception)
                {
                    throw new ShouldAssertException($"threw {exception.GetType().Name} (a 500) for {HostileInput.Printable(body)}");
                }

                response.StatusCode.ShouldBeOneOf([201, 400, 413], HostileInput.Printable(body));
                response.Headers!["content-type"].ShouldBe(response.StatusCode == 201 ? "application/json" : "application/problem+json");
                (store.Calls > 0).ShouldBe(response.StatusCode == 201);
                accepted += response.StatusCode == 201 ? 1 : 0;
                cases++;
            }
        }

        cases.ShouldBe(6000);

        // Some hostile changes are harmless (an unknown member, a paired emoji): the accepting side is reached too.
        accepted.ShouldBeGreaterThan(50);
    }

    private static string WithRawValue(string field, string rawJsonValue)
    {
        var body = Samples.Body();
        body.Remove(field);
        return body.ToJsonString()[..^1] + ",\"" + field + "\":" + rawJsonValue + "}";
    }

    private static string Padded(int bytes)
    {
        string body = Samples.Body().ToJsonString();
        string prefix = body[..^1] + ",\"padding\":\"";
        return prefix + new string('x', bytes - Encoding.UTF8.GetByteCount(prefix) - 2) + "\"}";
    }
}
