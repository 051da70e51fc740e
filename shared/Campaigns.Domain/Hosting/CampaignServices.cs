using Amazon;
using Amazon.DynamoDBv2;
using Campaigns.Domain.Storage;

namespace Campaigns.Domain.Hosting;

/// <summary>What the endpoints depend on, built once per process during Lambda init.</summary>
public sealed class CampaignServices(ICampaignStore store, TimeProvider time)
{
    public ICampaignStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    /// <summary>Reads TABLE_NAME and AWS_REGION; a missing one fails init, which Lambda reports on the first invoke.</summary>
    public static CampaignServices FromEnvironment()
    {
        string tableName = Required("TABLE_NAME");
        var config = new AmazonDynamoDBConfig
        {
            // An explicit region keeps the SDK from probing profiles or instance metadata at start-up.
            RegionEndpoint = RegionEndpoint.GetBySystemName(Required("AWS_REGION")),
        };

        if (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB") is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
        }

        var store = new DynamoDbCampaignStore(new AmazonDynamoDBClient(config), tableName);
        return new CampaignServices(store, TimeProvider.System);
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Environment variable {name} is not set.");
}
