using System.Net;

namespace Campaigns.Lambda.Runtime;

/// <summary>
/// The Runtime API failed in a way the runtime cannot recover from (a 500 is a container error, per the
/// API contract). Always fatal: the runtime exits so Lambda replaces the execution environment.
/// </summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuntimeApiException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode? StatusCode { get; }
}
