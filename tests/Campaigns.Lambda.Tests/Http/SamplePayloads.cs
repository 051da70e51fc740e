namespace Campaigns.Lambda.Tests.Http;

internal static class SamplePayloads
{
    /// <summary>A payload format 2.0 event for a JWT-authorized GET, with the documented fields filled in.</summary>
    public const string GetCampaign = """
        {
          "version": "2.0",
          "routeKey": "GET /v1.0/campaigns/{code}",
          "rawPath": "/v1.0/campaigns/SPRING25",
          "rawQueryString": "lang=en&tag=a&tag=b",
          "cookies": ["session=abc123", "theme=dark"],
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig",
            "host": "api.example.com",
            "x-forwarded-for": "203.0.113.7, 10.0.0.1"
          },
          "queryStringParameters": { "lang": "en", "tag": "a,b" },
          "pathParameters": { "code": "SPRING25" },
          "stageVariables": { "tableName": "campaigns" },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3d4e5",
            "authorizer": {
              "jwt": {
                "claims": { "sub": "user-42", "iss": "https://issuer.example.com", "exp": "1740830400" },
                "scopes": ["campaigns.read", "campaigns.write"]
              }
            },
            "domainName": "api.example.com",
            "domainPrefix": "api",
            "http": {
              "method": "GET",
              "path": "/v1.0/campaigns/SPRING25",
              "protocol": "HTTP/1.1",
              "sourceIp": "203.0.113.7",
              "userAgent": "curl/8.5.0"
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "GET /v1.0/campaigns/{code}",
            "stage": "$default",
            "time": "01/Mar/2025:12:00:00 +0000",
            "timeEpoch": 1740830400123
          },
          "body": "eyJuYW1lIjoiU3ByaW5nIn0=",
          "isBase64Encoded": true
        }
        """;
}
