using System.Text.Json;
using Campaigns.Lambda.Http;
using Shouldly;

namespace Campaigns.Testing;

public static class ResponseJson
{
    /// <summary>The body as JSON, after checking the status and the content type that goes with it.</summary>
    public static JsonElement ShouldBeJson(this HttpApiResponse response, int status)
    {
        response.StatusCode.ShouldBe(status, response.Body);
        response.Headers!["content-type"].ShouldBe(status >= 400 ? "application/problem+json" : "application/json");
        using var document = JsonDocument.Parse(response.Body!);
        return document.RootElement.Clone();
    }

    /// <summary>Checks a 400 problem and returns the messages of its one invalid field.</summary>
    public static string[] ShouldBeProblemFor(this HttpApiResponse response, string field)
    {
        var problem = response.ShouldBeJson(400);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        return errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
