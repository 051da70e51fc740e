using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;

namespace Campaigns.Testing;

/// <summary>
/// An in-memory store with the same semantics as the DynamoDB one; the shared store contract tests run
/// against both, so handler tests built on it are trustworthy. Can be told to fail, to test error paths.
/// </summary>
public sealed class FakeCampaignStore : ICampaignStore, IStoreProbe
{
    private readonly SortedDictionary<string, Campaign> _items = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    public int Calls { get; private set; }

    /// <summary>The operations probed so far, in order.</summary>
    public List<StoreOperation> Probed { get; } = [];

    public void Seed(Campaign campaign)
    {
        lock (_gate)
        {
            _items[campaign.Code] = campaign;
        }
    }

    public Campaign? Peek(string code)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(code);
        }
    }

    public Task<Campaign?> GetAsync(string code, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Enter();
            return Task.FromResult(_items.GetValueOrDefault(code));
        }
    }

    public Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Enter();
            return Task.FromResult(_items.TryAdd(campaign.Code, campaign));
        }
    }

    public Task<WriteOutcome> UpdateAsync(CampaignChanges changes, CancellationToken cancellationToken) =>
        Write(changes.Code, changes.ExpectedVersions, current => CampaignCopy.WithChanges(current, changes));

    public Task<WriteOutcome> DeleteAsync(CampaignDeletion deletion, CancellationToken cancellationToken) =>
        Write(deletion.Code, deletion.ExpectedVersions, current => CampaignCopy.AsDeleted(current, deletion));

    public Task<CampaignPage> ListActiveAsync(DateOnly today, int limit, string? afterCode, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Enter();
            var matches = _items.Values
                .Where(c => c.Status == CampaignStatus.Active && c.ToDate >= today)
                .Where(c => afterCode is null || string.CompareOrdinal(c.Code, afterCode) > 0)
                .Take(limit + 1)
                .ToList();
            string? next = matches.Count > limit ? PageToken.Encode(matches[limit - 1].Code) : null;
            return Task.FromResult(new CampaignPage { Items = matches.Take(limit).ToList(), NextToken = next });
        }
    }

    private Task<WriteOutcome> Write(string code, IReadOnlyList<long>? expected, Func<Campaign, Campaign> change)
    {
        lock (_gate)
        {
            Enter();
            if (!_items.TryGetValue(code, out var current) || current.Status == CampaignStatus.Deleted)
            {
                return Task.FromResult(WriteOutcome.NotFound);
            }

            if (expected is not null && !expected.Contains(current.Version))
            {
                return Task.FromResult(WriteOutcome.VersionMismatch);
            }

            var updated = change(current);
            _items[code] = updated;
            return Task.FromResult(WriteOutcome.Succeeded(updated));
        }
    }

    public Task ProbeAsync(StoreOperation operation, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Enter();
            Probed.Add(operation);
            return Task.CompletedTask;
        }
    }

    private void Enter()
    {
        Calls++;
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
