using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Campaigns.Bench.Tests.Fakes;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;

namespace Campaigns.Bench.Tests.Recording;

/// <summary>
/// Records the one request the product's store (DynamoDbCampaignStore, through the AWS SDK's client) sends for
/// each function's bench request, as it reaches a loopback DynamoDB endpoint.
/// </summary>
internal static class StoreRequests
{
    public static readonly string[] Functions = ["get_campaign", "list_campaigns", "create_campaign", "update_campaign", "delete_campaign"];

    public static async Task<RecordedCall> RecordAsync(string function, InvocationValues values)
    {
        await using var dynamoDb = await RecordingDynamoDb.StartAsync();
        using (var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = dynamoDb.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 }))
        {
            var store = new DynamoDbCampaignStore(client, values.Table);
            Task call = function switch
            {
                "get_campaign" => (Task)store.GetAsync(values.Code, CancellationToken.None),
                "list_campaigns" => (Task)store.ListActiveAsync(DateOnly.FromDateTime(values.Now), Workload.ListLimit, null, CancellationToken.None),
                "create_campaign" => (Task)store.TryCreateAsync(NewCampaign.From(Draft(values.Code, pathCode: null), values.Id, values.Now, values.Caller), CancellationToken.None),
                "update_campaign" => (Task)store.UpdateAsync(new CampaignChanges(values.Code, Draft(values.Code, values.Code), values.Now, values.Caller, ExpectedVersions: null), CancellationToken.None),
                "delete_campaign" => (Task)store.DeleteAsync(new CampaignDeletion(values.Code, values.Now, values.Caller, ExpectedVersions: null), CancellationToken.None),
                _ => throw new ArgumentException("no bench request is known for function " + function, nameof(function)),
            };
            await call;
        }

        dynamoDb.Calls.Count.ShouldBe(1, $"the store should make exactly one call for {function}'s bench request");
        return dynamoDb.Calls[0];
    }

    // The bench's own body, validated as the function validates it.
    private static CampaignDraft Draft(string code, string? pathCode)
    {
        using var document = JsonDocument.Parse(Workload.Body(code).ToJsonString());
        var errors = new ValidationErrors();
        return CampaignValidator.Validate(document.RootElement, pathCode, errors)
            ?? throw new InvalidOperationException("The bench's body is invalid: " + string.Join(", ", errors.ToDictionary().Keys));
    }
}
