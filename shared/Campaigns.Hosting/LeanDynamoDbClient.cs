using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting;

/// <summary>
/// The SDK's DynamoDB client with only the pipeline handlers these functions' requests use: marshalling,
/// auth scheme, endpoint, retries, signing, errors, unmarshalling and HTTP. Each handler is a generic virtual
/// call that Native AOT resolves on first use during init (<see cref="PipelineDictionaries"/> keeps the
/// kept handlers' dictionaries from being built then too); the handlers removed here only raise client events, record client-side metrics, compress request bodies, add
/// flexible checksums or discover endpoints, none of which these functions use (docs/performance.md).
/// </summary>
internal sealed class LeanDynamoDbClient : AmazonDynamoDBClient
{
    public LeanDynamoDbClient(AmazonDynamoDBConfig config)
        : base(config)
    {
    }

    public LeanDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config)
        : base(credentials, config)
    {
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.RemoveHandler<MetricsHandler>();
        pipeline.RemoveHandler<ErrorCallbackHandler>();

        // Three of them: before marshalling, after it, and after unmarshalling; each only raises client events.
        pipeline.RemoveHandler<CallbackHandler>();
        pipeline.RemoveHandler<CallbackHandler>();
        pipeline.RemoveHandler<CallbackHandler>();
        pipeline.RemoveHandler<CompressionHandler>();
        pipeline.RemoveHandler<ChecksumHandler>();
        pipeline.RemoveHandler<EndpointDiscoveryHandler>();
    }
}
