using System.Diagnostics;
using Amazon.DynamoDBv2;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
using Campaigns.Testing;

namespace Campaigns.Bench;

/// <summary>
/// Times the DynamoDB call each function makes, with the same store code, from this process and in
/// the same window as the warm invocations (so drift hits both alike): the "one DynamoDB Local round
/// trip" a warm invocation cannot beat.
/// </summary>
internal sealed class RoundTripProbe(AmazonDynamoDBClient client, string tableName, string codePrefix, bool ownsClient) : IDisposable
{
    private static readonly DateOnly Today = new(2025, 7, 1);
    private readonly DynamoDbCampaignStore _store = new(client, tableName);
    private readonly CampaignDraft _draft = new(null, "rtt", 10, Samples.ProductId, "https://example.com/t", Today, new DateOnly(2099, 12, 31), null);
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>Makes one call for the function, keeping its time only when <paramref name="record"/> is set.</summary>
    public async Task CallAsync(string function, bool record)
    {
        // A delete needs an item of its own, created outside the timed part.
        string? toDelete = function == "delete_campaign" ? await CreateAsync() : null;
        long start = Stopwatch.GetTimestamp();
        Task call = function switch
        {
            "list_campaigns" => _store.ListActiveAsync(Today, 50, null, default),
            "get_campaign" => _store.GetAsync(Workload.ReadCode, default),
            "create_campaign" => CreateAsync(),
            "update_campaign" => _store.UpdateAsync(new CampaignChanges(Workload.UpdateCode, _draft, DateTime.UtcNow, "rtt", null), default),
            "delete_campaign" => _store.DeleteAsync(new CampaignDeletion(toDelete!, DateTime.UtcNow, "rtt", null), default),
            _ => throw new ArgumentException("unknown function " + function, nameof(function)),
        };
        await call;
        long end = Stopwatch.GetTimestamp();
        if (!record)
        {
            return;
        }

        if (!_samples.TryGetValue(function, out var samples))
        {
            samples = [];
            _samples[function] = samples;
        }

        samples.Add(Stats.Milliseconds(start, end));
    }

    public Dictionary<string, double> P50() => _samples.ToDictionary(p => p.Key, p => Stats.Percentile(p.Value, 50), StringComparer.Ordinal);

    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    private async Task<string> CreateAsync()
    {
        string code = $"{codePrefix}-{Interlocked.Increment(ref _sequence)}";
        await _store.TryCreateAsync(Samples.Campaign(code), default);
        return code;
    }
}
