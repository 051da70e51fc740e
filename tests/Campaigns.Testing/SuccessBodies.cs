using System.Text.Json;
using Campaigns.Hosting;
using Campaigns.Lambda.Http;
using Shouldly;

namespace Campaigns.Testing;

/// <summary>Reads which kind of body a successful answer carries, to hold each route's <see cref="IHttpEndpoint.SuccessBody"/> to it.</summary>
public static class SuccessBodies
{
    public static SuccessBody Of(HttpApiResponse response)
    {
        response.StatusCode.ShouldBeInRange(200, 299);
        if (response.Body is null)
        {
            return SuccessBody.None;
        }

        using var body = JsonDocument.Parse(response.Body);
        return body.RootElement.TryGetProperty("items", out _) ? SuccessBody.Page
            : body.RootElement.TryGetProperty("code", out _) ? SuccessBody.Campaign
            : throw new InvalidOperationException("The answer is neither a campaign nor a page: " + response.Body);
    }
}
