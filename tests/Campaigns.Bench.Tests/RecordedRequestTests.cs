using System.Text;
using Campaigns.Bench.Bound;

namespace Campaigns.Bench.Tests;

public sealed class RecordedRequestTests
{
    [Fact]
    public void Body_OfAnIndentedFixture_IsCompactWithEachPlaceholderFilled()
    {
        var request = RecordedRequest.Parse("""
            {
              "target": "DynamoDB_20120810.Query",
              "body": {
                "TableName": "{{table}}",
                "KeyConditionExpression": "#a = :a AND #b <> :b + \"q\"",
                "ExpressionAttributeValues": { ":a": { "S": "ACTIVE#{{code}}" }, ":b": { "BOOL": false }, ":c": { "NULL": true }, ":l": { "L": [ { "N": "1" } ] } },
                "Limit": 51
              }
            }
            """u8);

        string body = Encoding.UTF8.GetString(request.Body(p => p == Placeholder.Table ? "t" : "BENCH-1"));

        request.Operation.ShouldBe("Query");
        request.Placeholders.ShouldBe([Placeholder.Table, Placeholder.Code]);
        body.ShouldBe("""{"TableName":"t","KeyConditionExpression":"#a = :a AND #b <> :b + \"q\"","ExpressionAttributeValues":{":a":{"S":"ACTIVE#BENCH-1"},":b":{"BOOL":false},":c":{"NULL":true},":l":{"L":[{"N":"1"}]}},"Limit":51}""");
    }

    [Theory]
    [InlineData("""{"target":"DynamoDB_20120810.GetItem","body":{"TableName":"{{tables}}"}}""", "unknown placeholder '{{tables}}'")]
    [InlineData("""{"target":"DynamoDB_20120810.GetItem","body":{"TableName":"{{1}}"}}""", "unknown placeholder '{{1}}'")]
    [InlineData("""{"target":"DynamoDB_20120810.GetItem","body":{"TableName":"{{table"}}""", "unknown placeholder")]
    [InlineData("""{"body":{"TableName":"t"}}""", "needs a target")]
    [InlineData("""{"target":"GetItem","body":{"TableName":"t"}}""", "needs a target")]
    [InlineData("""{"target":"DynamoDB_20120810.GetItem","body":"{}"}""", "unexpected 'body'")]
    [InlineData("""["DynamoDB_20120810.GetItem"]""", "is a JSON object")]
    public void Parse_OfAMalformedFixture_SaysWhatIsWrong(string fixture, string message)
    {
        Should.Throw<FormatException>(() => RecordedRequest.Parse(Encoding.UTF8.GetBytes(fixture))).Message.ShouldContain(message);
    }

    [Fact]
    public void Load_ForAFunctionWithoutARecording_SaysSo()
    {
        Should.Throw<ArgumentException>(() => RecordedRequest.Load("grant_campaign")).Message.ShouldContain("no request is recorded for function 'grant_campaign'");
    }
}
