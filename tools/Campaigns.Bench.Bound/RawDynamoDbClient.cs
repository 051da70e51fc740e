using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Campaigns.Bench.Bound;

/// <summary>
/// Posts DynamoDB JSON-protocol calls with HttpClient, signed by the steps of Signature Version 4 (the
/// hashing and HMACs a real client pays for; DynamoDB Local does not check the result).
/// </summary>
internal sealed class RawDynamoDbClient(HttpClient http, Uri endpoint, string region, string accessKey, string secretKey, string tableName)
{
    private const string Service = "dynamodb";

    public string TableName { get; } = tableName;

    public static RawDynamoDbClient FromEnvironment()
    {
        static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(name + " is not set: the bound variant runs only under ./build.sh bench");
        return new RawDynamoDbClient(
            new HttpClient(),
            new Uri(Required("AWS_ENDPOINT_URL_DYNAMODB")),
            Required("AWS_REGION"),
            Required("AWS_ACCESS_KEY_ID"),
            Required("AWS_SECRET_ACCESS_KEY"),
            Required("TABLE_NAME"));
    }

    public async Task<(int Status, string Body)> SendAsync(BoundCall call, CancellationToken cancellationToken)
    {
        string target = "DynamoDB_20120810." + call.Operation;
        var now = DateTime.UtcNow;
        string amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string day = amzDate[..8];
        string scope = $"{day}/{region}/{Service}/aws4_request";
        const string contentType = "application/x-amz-json-1.0";
        const string signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        string canonicalRequest = $"POST\n/\n\ncontent-type:{contentType}\nhost:{endpoint.Authority}\nx-amz-date:{amzDate}\nx-amz-target:{target}\n\n{signedHeaders}\n{Hex(SHA256.HashData(call.Body))}";
        string stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        byte[] key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (string part in (ReadOnlySpan<string>)[day, region, Service, "aws4_request"])
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        string signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(call.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        using var response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
