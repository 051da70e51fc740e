namespace Campaigns.EndToEnd.Tests.Faults;

public enum ProxyMode
{
    /// <summary>Pass traffic through to DynamoDB, recording what clients send.</summary>
    Forward,

    /// <summary>Accept connections and never answer.</summary>
    Stall,

    /// <summary>Answer every request with DynamoDB's throttling error.</summary>
    Throttle,
}
