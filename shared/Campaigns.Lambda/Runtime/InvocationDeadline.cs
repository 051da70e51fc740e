namespace Campaigns.Lambda.Runtime;

internal static class InvocationDeadline
{
    // The handler is cancelled this long before Lambda's deadline so the runtime still has time to post
    // the error; at the deadline itself Lambda kills the invocation and nothing useful is reported.
    public static TimeSpan ReportingMargin => TimeSpan.FromMilliseconds(500);

    // Lambda's longest timeout. Also keeps a missing deadline (DateTimeOffset.MaxValue) within the
    // range a timer accepts.
    private static TimeSpan LongestBudget => TimeSpan.FromMinutes(15);

    public static CancellationTokenSource CreateCancellation(DateTimeOffset deadline, TimeProvider time)
    {
        var budget = deadline - time.GetUtcNow() - ReportingMargin;
        if (budget <= TimeSpan.Zero)
        {
            var expired = new CancellationTokenSource();
            expired.Cancel();
            return expired;
        }

        return new CancellationTokenSource(budget < LongestBudget ? budget : LongestBudget, time);
    }
}
