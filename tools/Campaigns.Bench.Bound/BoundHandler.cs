using System.Globalization;
using Campaigns.Lambda.Http;
using Campaigns.Lambda.Runtime;

namespace Campaigns.Bench.Bound;

/// <summary>
/// Sends the DynamoDB request its function's store sends for the bench's request, replayed from the recording
/// with this invocation's values, and answers with DynamoDB's own body: no SDK, no campaign model, no
/// validation, no warm-up request. The least a function doing that call can cost on this machine, so the
/// distance of aot from it is what the SDK and the code add.
/// </summary>
internal sealed class BoundHandler(RawDynamoDbClient dynamoDb, RecordedRequest request, TimeProvider time, Task openSsl)
    : ILambdaHandler<HttpApiRequest, HttpApiResponse>, ILambdaWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) => openSsl.WaitAsync(cancellationToken);

    public async Task<HttpApiResponse> HandleAsync(HttpApiRequest input, LambdaContext context, CancellationToken cancellationToken)
    {
        var (status, body) = await dynamoDb.SendAsync(Call(input, context.RequestId), cancellationToken);
        return new HttpApiResponse
        {
            StatusCode = status == 200 ? 200 : 502,
            Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
            Body = body,
        };
    }

    /// <summary>
    /// The recorded request with this invocation's values. The yardstick does not read the request body: a create's
    /// code is made from the invocation's id, and the campaign's fields are the recorded ones (the bench's body).
    /// </summary>
    internal BoundCall Call(HttpApiRequest input, string requestId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Codes are stored upper case, as validation leaves them.
        string code = input.GetPathParameter("code") ?? "BB-" + requestId.ToUpperInvariant();
        string? caller = null;
        input.RequestContext?.Authorizer?.Jwt?.Claims?.TryGetValue("sub", out caller);
        byte[] body = request.Body(placeholder => placeholder switch
        {
            Placeholder.Table => dynamoDb.TableName,
            Placeholder.Code => code,
            Placeholder.Now => now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Placeholder.Today => now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Placeholder.Id => Guid.NewGuid().ToString(),
            Placeholder.Caller => caller ?? "bound",
            _ => throw new ArgumentOutOfRangeException(nameof(placeholder), placeholder, "no value for this placeholder"),
        });
        return new BoundCall(request.Operation, body);
    }
}
