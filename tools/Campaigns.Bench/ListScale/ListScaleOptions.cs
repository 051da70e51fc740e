using System.Globalization;

namespace Campaigns.Bench.ListScale;

/// <summary>Options of <c>./build.sh bench --list-scale</c>.</summary>
internal sealed class ListScaleOptions
{
    public required string DynamoDbEndpoint { get; init; }

    public IReadOnlyList<int> Ended { get; init; } = [0, 1_000, 10_000];

    public int Live { get; init; } = 50;

    public int Limit { get; init; } = 25;

    /// <summary>Pages timed per history size at least (whole runs to the end, so small tables run more often).</summary>
    public int MinPages { get; init; } = 200;

    public string OutputDirectory { get; init; } = "docs/bench";

    public static ListScaleOptions Parse(IReadOnlyList<string> args)
    {
        string? endpoint = null;
        IReadOnlyList<int> ended = [0, 1_000, 10_000];
        int live = 50, limit = 25, minPages = 200;
        string output = "docs/bench";
        for (int i = 0; i < args.Count; i += 2)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--dynamodb-endpoint": endpoint = value; break;
                case "--ended": ended = [.. value.Split(',').Select(Whole)]; break;
                case "--live": live = Whole(value); break;
                case "--limit": limit = Whole(value); break;
                case "--min-pages": minPages = Whole(value); break;
                case "--out": output = value; break;
                default: throw new ArgumentException($"unknown option for the list scale bench: {args[i]}");
            }
        }

        if (endpoint is null || live < 1 || limit is < 1 or > 100 || minPages < 1 || ended.Count == 0)
        {
            throw new ArgumentException("--dynamodb-endpoint is required; --live and --min-pages at least 1, --limit 1 to 100, --ended a list of counts");
        }

        return new ListScaleOptions { DynamoDbEndpoint = endpoint, Ended = ended, Live = live, Limit = limit, MinPages = minPages, OutputDirectory = output };
    }

    private static int Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw new ArgumentException($"not a whole number: {text}");
}
