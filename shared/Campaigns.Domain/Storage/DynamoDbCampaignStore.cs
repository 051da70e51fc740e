using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using static Campaigns.Domain.Storage.AttributeNames;
using static Campaigns.Domain.Storage.CampaignItemMapper;

namespace Campaigns.Domain.Storage;

/// <summary>
/// The campaigns table through the low-level DynamoDB API: explicit items, conditional writes, GSI queries.
/// An item the mapping cannot read is skipped by the list and told to <paramref name="unreadableItems"/>;
/// a read or write of that very item throws <see cref="UnreadableItemException"/> for the caller to tell.
/// A new item that <paramref name="itemExpiry"/> says expires carries that moment in its TTL attribute.
/// </summary>
public sealed class DynamoDbCampaignStore(IAmazonDynamoDB client, string tableName, IItemExpiry? itemExpiry = null, IUnreadableItems? unreadableItems = null) : ICampaignStore, IStoreProbe
{
    /// <summary>A code no request can reach: validation never lets '#' into a code.</summary>
    public const string ProbeCode = "#PROBE";

    /// <summary>The most Queries one list page makes.</summary>
    public const int MaxQueriesPerPage = 3;

    public async Task<Campaign?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = CampaignKeys.Of(code), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public async Task<bool> TryCreateAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var item = ToItem(campaign);
        if (itemExpiry?.ExpiryOf(campaign) is { } expiry)
        {
            item[ExpiresAt] = N(new DateTimeOffset(expiry, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = PartitionKey },
        };

        try
        {
            await client.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public Task<WriteOutcome> UpdateAsync(CampaignChanges changes, CancellationToken cancellationToken)
    {
        var write = new ConditionalUpdate(changes.Code, changes.ExpectedVersions, changes.UpdatedAt, changes.UpdatedBy);
        var draft = changes.Draft;
        write.Set(Description, S(draft.Description));
        write.Set(DiscountPercentage, N(DecimalText.Format(draft.DiscountPercentage)));
        write.Set(ProductId, S(draft.ProductId.ToString("D")));
        write.Set(TermsConditionsLink, S(draft.TermsConditionsLink));
        write.Set(FromDate, S(FormatDate(draft.FromDate)));
        write.Set(ToDate, S(FormatDate(draft.ToDate)));
        if (draft.Status is { } status)
        {
            write.Set(Status, S(status));
            write.Set(Gsi1SortKey, S(StatusSortKeyOf(status, changes.Code)));
        }

        return ExecuteAsync(write, cancellationToken);
    }

    public Task<WriteOutcome> DeleteAsync(CampaignDeletion deletion, CancellationToken cancellationToken)
    {
        var write = new ConditionalUpdate(deletion.Code, deletion.ExpectedVersions, deletion.DeletedAt, deletion.DeletedBy);
        write.Set(Status, S(CampaignStatus.Deleted));
        write.Set(Active, new AttributeValue { BOOL = false });
        write.Set(Gsi1SortKey, S(StatusSortKeyOf(CampaignStatus.Deleted, deletion.Code)));
        return ExecuteAsync(write, cancellationToken);
    }

    public async Task ProbeAsync(StoreOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case StoreOperation.Get:
                await GetAsync(ProbeCode, cancellationToken);
                break;
            case StoreOperation.List:
                await client.QueryAsync(ProbeQuery(), cancellationToken);
                break;
            case StoreOperation.Create:
                await ExpectingConditionFailureAsync(() => client.PutItemAsync(ProbePut(), cancellationToken));
                break;
            case StoreOperation.Update:
                // The UpdateItem alone: the read that classifies a failed update is the rare path.
                var update = new ConditionalUpdate(ProbeCode, null, DateTime.UnixEpoch, ProbeCode).ToRequest(tableName);
                await ExpectingConditionFailureAsync(() => client.UpdateItemAsync(update, cancellationToken));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown store operation.");
        }
    }

    // Both probe writes require the item to exist, and it never does: they fail, changing nothing.
    private static async Task ExpectingConditionFailureAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (ConditionalCheckFailedException)
        {
            // Expected.
        }
    }

    private PutItemRequest ProbePut() => new()
    {
        TableName = tableName,
        Item = CampaignKeys.Of(ProbeCode),
        ConditionExpression = "attribute_exists(#pk)",
        ExpressionAttributeNames = new() { ["#pk"] = PartitionKey },
    };

    private QueryRequest ProbeQuery() => new()
    {
        TableName = tableName,
        IndexName = StatusIndexName,
        KeyConditionExpression = "#gsipk = :gsipk",
        ExpressionAttributeNames = new() { ["#gsipk"] = Gsi1PartitionKey },
        ExpressionAttributeValues = new() { [":gsipk"] = S(ProbeCode) },
        Limit = 1,
    };

    /// <summary>
    /// A page costs at most <see cref="MaxQueriesPerPage"/> Queries of <c>limit + 1</c> index entries each,
    /// however many ACTIVE campaigns have ended: the toDate filter runs after DynamoDB's Limit, so a page
    /// that meets only ended campaigns within that budget comes back short, with a nextToken at the last
    /// entry read (docs/architecture.md, "The list's cost").
    /// </summary>
    public async Task<CampaignPage> ListActiveAsync(DateOnly today, int limit, string? afterCode, CancellationToken cancellationToken)
    {
        var items = new List<Campaign>(limit + 1);
        var start = afterCode is null ? null : CampaignKeys.OfActiveIndexEntry(afterCode);
        int queries = 0;
        do
        {
            var response = await client.QueryAsync(ActiveQuery(today, limit + 1, start), cancellationToken);
            queries++;
            foreach (var item in response.Items ?? [])
            {
                // One unreadable item must not take the list down for everyone: it is skipped and told.
                if (TryRead(item) is { } campaign)
                {
                    items.Add(campaign);
                }
            }

            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (items.Count <= limit && start is not null && queries < MaxQueriesPerPage);

        if (items.Count > limit)
        {
            // One more than the page proves a next page; it is read again from the last code served.
            items.RemoveRange(limit, items.Count - limit);
            return new CampaignPage { Items = items, NextToken = PageToken.Encode(items[^1].Code) };
        }

        return new CampaignPage { Items = items, NextToken = start is null ? null : PageToken.Encode(CampaignKeys.CodeOfActiveIndexEntry(start)) };
    }

    private QueryRequest ActiveQuery(DateOnly today, int limit, Dictionary<string, AttributeValue>? start) => new()
    {
        TableName = tableName,
        IndexName = StatusIndexName,
        KeyConditionExpression = "#gsipk = :gsipk AND begins_with(#gsisk, :prefix)",
        FilterExpression = "#toDate >= :today",
        ExpressionAttributeNames = new() { ["#gsipk"] = Gsi1PartitionKey, ["#gsisk"] = Gsi1SortKey, ["#toDate"] = ToDate },
        ExpressionAttributeValues = new()
        {
            [":gsipk"] = S(CampaignPartition),
            [":prefix"] = S(CampaignStatus.Active + "#"),
            [":today"] = S(FormatDate(today)),
        },
        Limit = limit,
        ExclusiveStartKey = start,
    };

    private Campaign? TryRead(Dictionary<string, AttributeValue> item)
    {
        try
        {
            return FromItem(item);
        }
        catch (UnreadableItemException exception)
        {
            unreadableItems?.Skipped(exception);
            return null;
        }
    }

    private async Task<WriteOutcome> ExecuteAsync(ConditionalUpdate write, CancellationToken cancellationToken)
    {
        if (!write.CannotMatch)
        {
            try
            {
                var response = await client.UpdateItemAsync(write.ToRequest(tableName), cancellationToken);
                return WriteOutcome.Succeeded(FromItem(response.Attributes));
            }
            catch (ConditionalCheckFailedException)
            {
                // Rare path, classified below by one consistent read.
            }
        }

        var current = await GetAsync(write.Code, cancellationToken);
        return current is null || current.Status == CampaignStatus.Deleted ? WriteOutcome.NotFound : WriteOutcome.VersionMismatch;
    }
}
