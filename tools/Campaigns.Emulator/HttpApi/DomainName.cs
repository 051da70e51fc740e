using System.Net;

namespace Campaigns.Emulator.HttpApi;

/// <summary>requestContext.domainName and domainPrefix from the Host header.</summary>
internal static class DomainName
{
    public static string FromHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return "localhost";
        }

        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end < 0 ? host : host[..(end + 1)];
        }

        // A real domainName never carries a port.
        var colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    /// <summary>The first label (API Gateway's api id for execute-api names); an IP address stays whole.</summary>
    public static string Prefix(string domainName)
    {
        if (IPAddress.TryParse(domainName.Trim('[', ']'), out _))
        {
            return domainName;
        }

        var dot = domainName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? domainName : domainName[..dot];
    }
}
