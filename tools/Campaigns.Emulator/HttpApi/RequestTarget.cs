namespace Campaigns.Emulator.HttpApi;

/// <summary>The still-encoded path and query of a request target.</summary>
internal sealed record RequestTarget(string RawPath, string RawQuery)
{
    public static RequestTarget Parse(string rawTarget)
    {
        var target = rawTarget;
        // Absolute form (GET http://host/path) is legal HTTP/1.1; API Gateway only ever sees the path.
        if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
        {
            target = absolute.PathAndQuery;
        }

        var fragment = target.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            target = target[..fragment];
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? new RequestTarget(target, string.Empty)
            : new RequestTarget(target[..question], target[(question + 1)..]);
    }
}
