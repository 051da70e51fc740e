using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Campaigns.Domain.Storage;
using Campaigns.Hosting.Http;
using Campaigns.Lambda;

namespace Campaigns.Hosting;

/// <summary>What the endpoints depend on, built once per process during Lambda init.</summary>
public sealed class CampaignServices(ICampaignStore store, IStoreProbe probe, TimeProvider time, WriteAccess writeAccess)
{
    public ICampaignStore Store { get; } = store;

    /// <summary>What the warm-up sends its one request through during init.</summary>
    public IStoreProbe Probe { get; } = probe;

    public TimeProvider Time { get; } = time;

    /// <summary>Who may write: the write functions check it before anything else.</summary>
    public WriteAccess WriteAccess { get; } = writeAccess;

    /// <summary>
    /// Reads TABLE_NAME and AWS_REGION; a missing one fails init, which Lambda reports on the first invoke.
    /// SMOKE_CALLER, when set, names the smoke check's identity (its <c>sub</c>), whose SMOKE- campaigns expire (<see cref="SmokeCampaignExpiry"/>).
    /// WRITE_SCOPE, when set, is the scope a writer's token must carry (<see cref="Http.WriteAccess"/>); a malformed one fails init.
    /// </summary>
    /// <param name="variables">The process environment.</param>
    /// <param name="unreadableItems">Told of each stored item the list skips because it cannot be read.</param>
    public static CampaignServices FromEnvironment(IEnvironmentVariables variables, IUnreadableItems? unreadableItems = null)
    {
        string Required(string name) =>
            variables.GetValue(name) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"Environment variable {name} is not set.");

        string tableName = Required("TABLE_NAME");
        var writeAccess = new WriteAccess(variables.GetValue(WriteAccess.ScopeVariable));
        string region = Required("AWS_REGION");
        var config = new AmazonDynamoDBConfig
        {
            // An explicit region keeps the SDK from probing profiles or instance metadata at start-up.
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),

            // A throttled or failing table should surface as a 503 the client can retry, well inside the
            // invocation's deadline, rather than be retried by the SDK until the function times out.
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(5),
        };

        if (variables.GetValue("AWS_ENDPOINT_URL_DYNAMODB") is { Length: > 0 } endpoint)
        {
            // Setting ServiceURL clears RegionEndpoint. Without a signing region the SDK would then guess one
            // from the URL with regular expressions during the first request, which init pays for (measured in
            // docs/performance.md).
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        var credentials = EnvironmentCredentials(variables);
        var client = credentials is null ? new LeanDynamoDbClient(config) : new LeanDynamoDbClient(credentials, config);
        var store = new DynamoDbCampaignStore(client, tableName, new SmokeCampaignExpiry(variables.GetValue(SmokeCampaignExpiry.CallerVariable)), unreadableItems);
        return new CampaignServices(store, store, TimeProvider.System, writeAccess);
    }

    // Lambda hands every execution environment its role's credentials in these variables; reading them
    // directly skips the SDK's credential-chain probing at start-up. Elsewhere the SDK's chain applies.
    private static AWSCredentials? EnvironmentCredentials(IEnvironmentVariables variables)
    {
        if (variables.GetValue("AWS_ACCESS_KEY_ID") is not { Length: > 0 } keyId || variables.GetValue("AWS_SECRET_ACCESS_KEY") is not { Length: > 0 } secret)
        {
            return null;
        }

        return variables.GetValue("AWS_SESSION_TOKEN") is { Length: > 0 } token
            ? new SessionAWSCredentials(keyId, secret, token)
            : new BasicAWSCredentials(keyId, secret);
    }
}
