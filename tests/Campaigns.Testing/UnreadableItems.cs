using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Campaigns.Lambda.Logging;

namespace Campaigns.Testing;

/// <summary>Malformed raw items in a test table, and a function wired as in production that logs to memory.</summary>
public static class UnreadableItems
{
    /// <summary>Writes campaign <paramref name="code"/> with <paramref name="attribute"/> replaced by <paramref name="value"/> (removed when null).</summary>
    public static Task PutMalformedAsync(this DynamoDbTestTable table, string code, string attribute, AttributeValue? value)
    {
        var item = CampaignItemMapper.ToItem(Samples.Campaign(code));
        if (value is null)
        {
            item.Remove(attribute);
        }
        else
        {
            item[attribute] = value;
        }

        return table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = item });
    }

    /// <summary>The endpoint over the table's store, wrapped and logging as <see cref="CampaignFunction"/> wires it.</summary>
    public static HttpApiFunction Function(DynamoDbTestTable table, Func<ICampaignStore, IHttpEndpoint> endpoint, LogWriter log)
    {
        var logger = new LambdaLogger(log, LogFormat.Json, LogLevel.Information, "test_function", TimeProvider.System);
        var store = new DynamoDbCampaignStore(table.Client, table.Name, unreadableItems: new UnreadableItemLog(logger));
        return new HttpApiFunction(endpoint(store), store, logger);
    }
}
