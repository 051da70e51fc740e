namespace Campaigns.Testing.Grants;

/// <summary>Grants against use: every granted action and resource kind is used, every use is granted.</summary>
public static class GrantsComparison
{
    /// <summary>One line per difference, naming the function and the action; empty when grants equal use.</summary>
    public static IReadOnlyList<string> Differences(FunctionGrants grants, IReadOnlyCollection<DynamoDbCall> calls, string tableName)
    {
        var problems = new List<string>();
        string function = grants.Function;
        var actions = calls.Select(call => call.Action).ToHashSet(StringComparer.Ordinal);
        var resources = calls.Select(call => call.Resource).ToHashSet(StringComparer.Ordinal);

        problems.AddRange(actions.Where(action => !grants.Actions.Contains(action)).Order(StringComparer.Ordinal)
            .Select(action => $"{function} sends {action}, which functions/functions.json does not grant it"));
        problems.AddRange(grants.Actions.Where(action => !actions.Contains(action)).Order(StringComparer.Ordinal)
            .Select(action => $"{function} is granted {action}, which its code never sends"));
        problems.AddRange(calls.Where(call => !grants.Resources.Contains(call.Resource)).Select(call => call.Action + " on the " + call.Resource)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(use => $"{function} sends {use}, which functions/functions.json does not grant it (dynamodb_resources)"));
        problems.AddRange(grants.Resources.Where(resource => !resources.Contains(resource)).Order(StringComparer.Ordinal)
            .Select(resource => $"{function} is granted the {resource} (dynamodb_resources), which its code never addresses"));
        problems.AddRange(calls.Where(call => call.Table != tableName).Select(call => call.Action).Distinct(StringComparer.Ordinal)
            .Select(action => $"{function} sends {action} to a table other than its own ({tableName})"));
        return problems;
    }
}
