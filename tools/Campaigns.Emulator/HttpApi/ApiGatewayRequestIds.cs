using System.Security.Cryptography;

namespace Campaigns.Emulator.HttpApi;

internal static class ApiGatewayRequestIds
{
    /// <summary>HTTP API request ids look like <c>JKJaXmPLvHcESHA=</c>: 11 random bytes in base64.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(11));
}
