namespace Campaigns.Emulator.Functions;

/// <summary>One entry of the function table, reduced to what the emulator needs.</summary>
internal sealed record FunctionDefinition(string Name, string Method, RouteTemplate Route, bool RequiresJwt)
{
    /// <summary>API Gateway's route key, e.g. <c>GET /v1.0/campaigns/{code}</c>.</summary>
    public string RouteKey => $"{Method} {Route.Template}";
}
