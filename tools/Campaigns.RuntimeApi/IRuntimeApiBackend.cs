namespace Campaigns.RuntimeApi;

/// <summary>
/// What stands behind one Runtime API port: the invocations of the one process that calls on it. The
/// endpoint does the protocol (routes, headers, status codes, body limits); the backend decides what to hand
/// out and what a posted result means.
/// </summary>
public interface IRuntimeApiBackend
{
    /// <summary><c>GET /runtime/invocation/next</c>; may wait, without any timeout, until there is an invocation.</summary>
    /// <param name="arrivedTimestamp">A <see cref="System.Diagnostics.Stopwatch"/> timestamp taken as the call arrived.</param>
    Task<NextAnswer> NextAsync(long arrivedTimestamp, CancellationToken aborted);

    /// <summary>Whether <paramref name="requestId"/> is in flight, checked before a posted body is read.</summary>
    bool IsInFlight(string requestId);

    /// <summary><c>POST .../{id}/response</c> or <c>.../{id}/error</c>; false when the id is no longer in flight.</summary>
    bool Complete(string requestId, PostedResult result);

    /// <summary><c>POST /runtime/init/error</c>.</summary>
    void InitError(string errorType, byte[] body);
}
