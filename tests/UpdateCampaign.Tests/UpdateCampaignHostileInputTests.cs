using System.Text;
using Campaigns.Hosting.Http;
using Campaigns.Lambda.Http;
using Campaigns.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Campaigns.Functions.UpdateCampaign.Tests;

public sealed class UpdateCampaignHostileInputTests
{
    private const int MaxBodyBytes = 16 * 1024;

    private readonly FakeCampaignStore _store = new();
    private readonly UpdateCampaignHandler _handler;

    public UpdateCampaignHostileInputTests()
    {
        _handler = new UpdateCampaignHandler(_store, new FakeTimeProvider(Samples.Now.AddMinutes(5)), new WriteAccess(Samples.WriteScope));
        _store.Seed(Samples.Campaign("SUMMER-25"));
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("x\\udbffy")]
    public async Task Update_WhenDescriptionHasLoneSurrogate_Returns400NamingItAndWritesNothing(string escaped)
    {
        string body = UpdateBody().Replace("\"Summer sale\"", "\"" + escaped + "\"", StringComparison.Ordinal);

        (await _handler.HandleAsync(Put(body), default)).ShouldBeProblemFor("description");
        _store.Peek("SUMMER-25")!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Update_WhenAMemberNameRepeats_Returns400AndWritesNothing()
    {
        string body = "{\"description\":\"first\"," + UpdateBody()[1..];

        (await _handler.HandleAsync(Put(body), default)).ShouldBeProblemFor("body");
        _store.Peek("SUMMER-25")!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Update_WhenBodyAboveTheCap_Returns413AndWritesNothing()
    {
        string body = UpdateBody()[..^1] + ",\"padding\":\"" + new string('x', MaxBodyBytes) + "\"}";

        (await _handler.HandleAsync(Put(body), default)).ShouldBeJson(413);
        _store.Peek("SUMMER-25")!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task Update_HostileBodiesAndIfMatchHeaders_NeverAnswer5xx()
    {
        var headers = HostileInput.HeaderValues(3000).ToList();
        int cases = 0;
        foreach (var (body, index) in HostileInput.Bodies(3000, withCode: false).Select((b, i) => (b, i)))
        {
            var store = new FakeCampaignStore();
            store.Seed(Samples.Campaign("SUMMER-25"));
            var handler = new UpdateCampaignHandler(store, new FakeTimeProvider(Samples.Now.AddMinutes(5)), new WriteAccess(Samples.WriteScope));
            var request = Requests.Put("SUMMER-25", null, index % 2 == 0 ? new() { ["if-match"] = headers[index] } : null).WithBody(body, base64: index % 3 == 0);
            if (request.IsBase64Encoded)
            {
                request.Body = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
            }

            HttpApiResponse response;
            try
            {
                response = await handler.HandleAsync(request, default);
            }
            catch (Exception exception)
            {
                throw new ShouldAssertException($"threw {exception.GetType().Name} (a 500) for {HostileInput.Printable(body)}");
            }

            response.StatusCode.ShouldBeOneOf([200, 400, 412, 413], HostileInput.Printable(body));
            (store.Peek("SUMMER-25")!.Version == 2).ShouldBe(response.StatusCode == 200);
            cases++;
        }

        cases.ShouldBe(3000);
    }

    [Fact]
    public async Task Update_HostilePathCodes_NeverAnswer5xx()
    {
        foreach (string code in HostileInput.Codes(2000))
        {
            var response = await _handler.HandleAsync(Requests.Put(code, Samples.Body()).WithBody(UpdateBody()), default);

            response.StatusCode.ShouldBeOneOf([200, 400, 404], HostileInput.Printable(code));
        }
    }

    private static HttpApiRequest Put(string body) => Requests.Put("SUMMER-25", null).WithBody(body);

    private static string UpdateBody()
    {
        var body = Samples.Body();
        body.Remove("code");
        return body.ToJsonString();
    }
}
