using System.Text.Json;
using Campaigns.Domain.Model;
using Campaigns.Hosting.Json;
using Campaigns.Lambda.Http;

namespace Campaigns.Hosting.Http;

public static class Responses
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    public static HttpApiResponse Campaign(int status, Campaign campaign)
    {
        var response = Create(status, Json, JsonSerializer.Serialize(campaign, CampaignsJsonContext.Api.Campaign));
        response.Headers!["etag"] = EntityTag.Format(campaign.Version);
        return response;
    }

    public static HttpApiResponse Page(CampaignPage page) =>
        Create(200, Json, JsonSerializer.Serialize(page, CampaignsJsonContext.Api.CampaignPage));

    public static HttpApiResponse Problem(ProblemDetails problem) =>
        Create(problem.Status, ProblemJson, JsonSerializer.Serialize(problem, CampaignsJsonContext.Api.ProblemDetails));

    public static HttpApiResponse NoContent() => new() { StatusCode = 204, Headers = NewHeaders() };

    public static HttpApiResponse NotModified(long version)
    {
        var response = new HttpApiResponse { StatusCode = 304, Headers = NewHeaders() };
        response.Headers["etag"] = EntityTag.Format(version);
        return response;
    }

    private static HttpApiResponse Create(int status, string contentType, string body)
    {
        var headers = NewHeaders();
        headers["content-type"] = contentType;
        return new HttpApiResponse { StatusCode = status, Headers = headers, Body = body };
    }

    private static Dictionary<string, string> NewHeaders() => new(StringComparer.OrdinalIgnoreCase);
}
