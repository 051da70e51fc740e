using Campaigns.Lambda.Http;
using Shouldly;
using Xunit;

namespace Campaigns.Testing;

/// <summary>
/// The ways a write can come without a usable identity or scope, shared by the three write functions' tests:
/// each names a case and the status the function must answer (401 no caller, 403 no scope) while changing nothing.
/// </summary>
public static class WriteAuthCases
{
    /// <summary>Case name and expected status, with <see cref="Samples.WriteScope"/> configured.</summary>
    public static TheoryData<string, int> Refused => new()
    {
        { "no requestContext", 401 },
        { "no authorizer (a direct invoke)", 401 },
        { "authorizer without claims", 401 },
        { "an e-mail but no sub", 401 },
        { "a blank sub", 401 },
        { "no scopes (an ID token)", 403 },
        { "another scope only (a read-only client)", 403 },
        { "the scope in other case", 403 },
        { "the scope with a space", 403 },
        { "two scopes in one element", 403 },
        { "the scope as a claim string only", 403 },
    };

    public static HttpApiRequest Apply(string name, HttpApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (name)
        {
            case "no requestContext":
                request.RequestContext = null;
                return request;
            case "no authorizer (a direct invoke)":
                return request.WithoutAuthorizer();
            case "authorizer without claims":
                request.RequestContext!.Authorizer = new HttpApiAuthorizer { Jwt = new HttpApiJwtAuthorizer { Scopes = [Samples.WriteScope] } };
                return request;
            case "an e-mail but no sub":
                return request.WithClaims(new() { ["email"] = "ann@example.com" });
            case "a blank sub":
                return request.WithClaims(new() { ["sub"] = " " });
            case "no scopes (an ID token)":
                return request.WithScopes(null);
            case "another scope only (a read-only client)":
                return request.WithScopes("campaigns/read");
            case "the scope in other case":
                return request.WithScopes("Campaigns/Write");
            case "the scope with a space":
                return request.WithScopes(Samples.WriteScope + " ");
            case "two scopes in one element":
                return request.WithScopes("campaigns/read " + Samples.WriteScope);
            case "the scope as a claim string only":
                return request.WithClaims(new() { ["sub"] = Samples.Writer, ["scope"] = Samples.WriteScope, ["scp"] = Samples.WriteScope }).WithScopes([]);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "No such case.");
        }
    }

    /// <summary>Checks a refusal: a problem with <paramref name="status"/> and a <c>www-authenticate</c> challenge.</summary>
    public static void ShouldBeRefusal(this HttpApiResponse response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = response.ShouldBeJson(status);
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("type").GetString().ShouldBe(status == 401 ? "/problems/unauthorized" : "/problems/forbidden");
        response.Headers!["www-authenticate"].ShouldBe(status == 401 ? "Bearer" : $"Bearer error=\"insufficient_scope\", scope=\"{Samples.WriteScope}\"");
    }
}
