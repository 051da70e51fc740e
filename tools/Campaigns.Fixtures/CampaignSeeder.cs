using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;

namespace Campaigns.Fixtures;

/// <summary>Writes campaigns as the store would, 25 to a BatchWriteItem (DynamoDB's most), for tables of thousands.</summary>
public static class CampaignSeeder
{
    public static async Task PutAllAsync(IAmazonDynamoDB client, string table, IEnumerable<Campaign> campaigns, int parallelBatches = 1)
    {
        using var slots = new SemaphoreSlim(parallelBatches);
        await Task.WhenAll(campaigns.Chunk(25).Select(async chunk =>
        {
            await slots.WaitAsync();
            try
            {
                var pending = new Dictionary<string, List<WriteRequest>>
                {
                    [table] = [.. chunk.Select(c => new WriteRequest(new PutRequest(CampaignItemMapper.ToItem(c))))],
                };
                while (pending.Count > 0)
                {
                    var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending });
                    pending = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
                }
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
