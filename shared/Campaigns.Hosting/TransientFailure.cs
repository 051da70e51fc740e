using System.Net.Sockets;
using Amazon.Runtime;

namespace Campaigns.Hosting;

/// <summary>Failures worth a 503 and a retry: throttling, server-side errors, network trouble, running out of time.</summary>
internal static class TransientFailure
{
    private static readonly string[] ThrottlingCodes =
    [
        "ProvisionedThroughputExceededException",
        "RequestLimitExceeded",
        "ThrottlingException",
        "TransactionConflictException",
    ];

    public static bool Matches(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (IsTransient(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => Array.IndexOf(ThrottlingCodes, service.ErrorCode) >= 0 || (int)service.StatusCode >= 500,
        HttpRequestException or SocketException or IOException or TimeoutException => true,

        // Only raised by the deadline token: the store did not answer in the time this invocation has.
        OperationCanceledException => true,
        _ => false,
    };
}
