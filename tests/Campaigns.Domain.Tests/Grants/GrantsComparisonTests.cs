using System.Text;
using Campaigns.Testing.Grants;

namespace Campaigns.Domain.Tests.Grants;

public sealed class GrantsComparisonTests
{
    private const string Table = "campaigns-test";

    [Fact]
    public void Differences_WhenUseEqualsGrants_IsEmpty()
    {
        var grants = Grants(["dynamodb:GetItem", "dynamodb:UpdateItem"], ["table"]);

        GrantsComparison.Differences(grants, [Call("GetItem"), Call("UpdateItem"), Call("GetItem")], Table).ShouldBeEmpty();
    }

    [Fact]
    public void Differences_WhenAGrantIsNeverSent_NamesFunctionAndAction()
    {
        var grants = Grants(["dynamodb:GetItem", "dynamodb:Scan"], ["table"]);

        GrantsComparison.Differences(grants, [Call("GetItem")], Table)
            .ShouldBe(["get_campaign is granted dynamodb:Scan, which its code never sends"]);
    }

    [Fact]
    public void Differences_WhenACallIsNotGranted_NamesFunctionAndAction()
    {
        var grants = Grants(["dynamodb:GetItem"], ["table"]);

        GrantsComparison.Differences(grants, [Call("GetItem"), Call("DeleteItem")], Table)
            .ShouldBe(["get_campaign sends dynamodb:DeleteItem, which functions/functions.json does not grant it"]);
    }

    [Fact]
    public void Differences_WhenAnIndexQueryHasOnlyTheTableGranted_ReportsBothSides()
    {
        var grants = Grants(["dynamodb:Query"], ["table"]);

        GrantsComparison.Differences(grants, [Call("Query", index: true)], Table).ShouldBe(
        [
            "get_campaign sends dynamodb:Query on the index, which functions/functions.json does not grant it (dynamodb_resources)",
            "get_campaign is granted the table (dynamodb_resources), which its code never addresses",
        ]);
    }

    [Fact]
    public void Differences_WhenACallNamesAnotherTable_ReportsIt()
    {
        var grants = Grants(["dynamodb:GetItem"], ["table"]);

        GrantsComparison.Differences(grants, [new DynamoDbCall("dynamodb:GetItem", "table", "other")], Table)
            .ShouldBe(["get_campaign sends dynamodb:GetItem to a table other than its own (campaigns-test)"]);
    }

    [Fact]
    public void Of_ReadsOperationTableAndIndexFromTheRequest()
    {
        DynamoDbCall.Of("DynamoDB_20120810.Query", Encoding.UTF8.GetBytes("""{"TableName":"t","IndexName":"GSI1"}"""))
            .ShouldBe(new DynamoDbCall("dynamodb:Query", "index", "t"));
        DynamoDbCall.Of("DynamoDB_20120810.GetItem", Encoding.UTF8.GetBytes("""{"TableName":"t"}"""))
            .ShouldBe(new DynamoDbCall("dynamodb:GetItem", "table", "t"));
    }

    [Fact]
    public void Of_WhenTheTargetIsNotDynamoDb_RecordsAnActionNoGrantMatches()
    {
        DynamoDbCall.Of("Other.Thing", []).Action.ShouldBe("dynamodb:(target 'Other.Thing')");
    }

    [Fact]
    public void Load_ReadsEveryFunctionOfFunctionsJson()
    {
        var all = FunctionGrants.LoadAll();

        all.Select(grants => grants.Function).ShouldBe(["list_campaigns", "get_campaign", "create_campaign", "update_campaign", "delete_campaign"], ignoreOrder: true);
        FunctionGrants.Load("list_campaigns").Resources.ShouldBe(["index"]);
        Should.Throw<InvalidOperationException>(() => FunctionGrants.Load("nope"));
    }

    private static FunctionGrants Grants(string[] actions, string[] resources) =>
        new("get_campaign", actions.ToHashSet(StringComparer.Ordinal), resources.ToHashSet(StringComparer.Ordinal));

    private static DynamoDbCall Call(string operation, bool index = false) =>
        new("dynamodb:" + operation, index ? "index" : "table", Table);
}
