namespace Campaigns.Emulator.Functions;

/// <summary>A literal path segment, a <c>{name}</c> parameter or a greedy <c>{name+}</c> parameter.</summary>
internal sealed record RouteSegment(string Text, bool IsParameter, bool IsGreedy)
{
    public static RouteSegment Parse(string segment)
    {
        if (segment.Length < 3 || segment[0] != '{' || segment[^1] != '}')
        {
            return new RouteSegment(segment, IsParameter: false, IsGreedy: false);
        }

        var name = segment[1..^1];
        var greedy = name.EndsWith('+');
        return new RouteSegment(greedy ? name[..^1] : name, IsParameter: true, greedy);
    }
}
