namespace Campaigns.Emulator.HttpApi;

/// <summary>Either the response to send or why the function's output was malformed.</summary>
internal sealed record ResponseMapping(ApiResponse? Response, string? Problem)
{
    public static ResponseMapping Malformed(string problem) => new(null, problem);

    public static ResponseMapping Of(ApiResponse response) => new(response, null);
}
