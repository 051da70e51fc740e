namespace Campaigns.Emulator.HttpApi;

/// <summary>
/// queryStringParameters as API Gateway builds them: keys and values URL-decoded ('+' is a space, as in a
/// form-encoded query), a repeated key's values joined with commas, a key without '=' given an empty value.
/// </summary>
internal static class QueryString
{
    public static OrderedValues Parse(string rawQuery)
    {
        var parameters = new OrderedValues(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (key.Length > 0)
            {
                parameters.Add(key, value);
            }
        }

        return parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
