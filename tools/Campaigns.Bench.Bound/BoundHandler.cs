using Campaigns.Lambda.Http;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Bench.Bound;

/// <summary>
/// Makes the DynamoDB call its function makes for the bench's request and answers with DynamoDB's own
/// body: no SDK, no campaign model, no validation, no warm-up request. The least a function doing that
/// call can cost on this machine, so the distance of aot from it is what the SDK and the code add.
/// </summary>
internal sealed class BoundHandler(RawDynamoDbClient dynamoDb, Task openSsl) : ILambdaHandler<HttpApiRequest, HttpApiResponse>, ILambdaWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) => openSsl.WaitAsync(cancellationToken);

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest input, LambdaContext context, CancellationToken cancellationToken)
    {
        var call = BoundCalls.For(context.FunctionName, dynamoDb.TableName, input, context.RequestId, DateTime.UtcNow);
        var (status, body) = await dynamoDb.SendAsync(call, cancellationToken);
        return new HttpApiResponse
        {
            StatusCode = status == 200 ? 200 : 502,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            Body = body,
        };
    }
}
