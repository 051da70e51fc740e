using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Campaigns.Testing;
using Microsoft.AspNetCore.Http;

namespace Campaigns.Hosting.Tests;

public sealed class LeanDynamoDbClientTests
{
    private static readonly string[] KeptHandlers =
    [
        "Marshaller", "AmazonDynamoDBAuthSchemeHandler", "AmazonDynamoDBEndpointResolver", "RetryHandler",
        "Signer", "ErrorHandler", "Unmarshaller", "HttpHandler`1",
    ];

    [Fact]
    public void Pipeline_KeepsOnlyTheHandlersTheRequestsUse()
    {
        using var client = new LeanDynamoDbClient(new BasicAWSCredentials("id", "secret"), Config("http://127.0.0.1:9"));

        HandlerNames(client).ShouldBe(KeptHandlers);
    }

    [Fact]
    public void Pipeline_OfTheSdksOwnClient_HasTheHandlersRemoved()
    {
        // Holds the test above to what the SDK builds: if a version adds or renames handlers, this shows which.
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("id", "secret"), Config("http://127.0.0.1:9"));

        HandlerNames(client).Except(KeptHandlers).ShouldBe(
            ["MetricsHandler", "ErrorCallbackHandler", "CallbackHandler", "CompressionHandler", "ChecksumHandler", "EndpointDiscoveryHandler"]);
        HandlerNames(client).Count(name => name == "CallbackHandler").ShouldBe(3);
    }

    [Fact]
    public async Task GetItem_WhenDynamoDbFailsTwiceThenAnswers_RetriesSignedRequests()
    {
        var seen = new List<(string Target, string Authorization)>();
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            seen.Add((context.Request.Headers["X-Amz-Target"].ToString(), context.Request.Headers.Authorization.ToString()));
            context.Response.ContentType = "application/x-amz-json-1.0";
            if (seen.Count < 3)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("""{"__type":"com.amazon.coral.service#InternalFailure","message":"try again"}""");
                return;
            }

            await context.Response.WriteAsync("""{"Item":{"PK":{"S":"CAMPAIGN#A"}}}""");
        });
        using var client = new LeanDynamoDbClient(new BasicAWSCredentials("id", "secret"), Config(server.Endpoint.ToString()));

        var response = await client.GetItemAsync(new GetItemRequest { TableName = "t", Key = new() { ["PK"] = new AttributeValue { S = "CAMPAIGN#A" } } });

        response.Item["PK"].S.ShouldBe("CAMPAIGN#A");
        seen.Count.ShouldBe(3);
        seen.ShouldAllBe(request => request.Target == "DynamoDB_20120810.GetItem");
        seen.ShouldAllBe(request => request.Authorization.StartsWith("AWS4-HMAC-SHA256 Credential=id/", StringComparison.Ordinal)
            && request.Authorization.Contains("/eu-west-1/dynamodb/aws4_request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetItem_WhenTableMissing_ThrowsTheServicesTypedError()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/x-amz-json-1.0";
            await context.Response.WriteAsync("""{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"no table"}""");
        });
        using var client = new LeanDynamoDbClient(new BasicAWSCredentials("id", "secret"), Config(server.Endpoint.ToString()));

        var error = await Should.ThrowAsync<ResourceNotFoundException>(() =>
            client.GetItemAsync(new GetItemRequest { TableName = "t", Key = new() { ["PK"] = new AttributeValue { S = "x" } } }));
        error.Message.ShouldBe("no table");
    }

    private static AmazonDynamoDBConfig Config(string endpoint) => new()
    {
        ServiceURL = endpoint,
        AuthenticationRegion = "eu-west-1",
        RetryMode = RequestRetryMode.Standard,
        MaxErrorRetry = 2,
    };

    private static List<string> HandlerNames(AmazonServiceClient client) => [.. PipelineHandlers.Of(client).Select(type => type.Name)];
}
