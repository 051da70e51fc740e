namespace Campaigns.Emulator.Functions;

/// <summary>An API Gateway route path such as <c>/v1.0/campaigns/{code}</c>.</summary>
internal sealed class RouteTemplate
{
    private readonly RouteSegment[] _segments;

    private RouteTemplate(string template, RouteSegment[] segments)
    {
        Template = template;
        _segments = segments;
    }

    public string Template { get; }

    /// <summary>API Gateway prefers the most specific route: more literal segments win.</summary>
    public int LiteralCount => _segments.Count(s => !s.IsParameter);

    public bool IsGreedy => _segments.Length > 0 && _segments[^1].IsGreedy;

    public static RouteTemplate Parse(string template)
    {
        if (string.IsNullOrEmpty(template) || template[0] != '/')
        {
            throw new FormatException($"Route path '{template}' must start with '/'.");
        }

        var segments = PathSegments.Split(template).Select(RouteSegment.Parse).ToArray();
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].IsGreedy)
            {
                throw new FormatException($"Route path '{template}': a greedy parameter must be the last segment.");
            }
        }

        return new RouteTemplate(template, segments);
    }

    /// <summary>Matches already-decoded path segments; parameters come back decoded.</summary>
    public bool TryMatch(IReadOnlyList<string> segments, out IReadOnlyDictionary<string, string> parameters)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        parameters = found;
        if (IsGreedy ? segments.Count < _segments.Length : segments.Count != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            var template = _segments[i];
            if (template.IsGreedy)
            {
                var rest = string.Join('/', segments.Skip(i));
                if (rest.Length == 0)
                {
                    return false;
                }

                found[template.Text] = rest;
                return true;
            }

            if (!template.IsParameter)
            {
                if (!string.Equals(template.Text, segments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            else if (segments[i].Length == 0)
            {
                // An empty segment ("/campaigns/") does not fill a parameter, so that path finds no route.
                return false;
            }
            else
            {
                found[template.Text] = segments[i];
            }
        }

        return true;
    }
}
