using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Reporting;

/// <summary>Prints each invocation's REPORT line and keeps the structured record for tests.</summary>
internal sealed class InvocationReporter(EmulatorLog log, bool jsonFormat, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly List<InvocationReport> _reports = [];

    public IReadOnlyList<InvocationReport> Snapshot()
    {
        lock (_gate)
        {
            return [.. _reports];
        }
    }

    /// <param name="errorType">Lambda's error type for failed invocations (Runtime.ExitError, Sandbox.Timedout…).</param>
    public void Record(InvocationReport report, string? errorType)
    {
        lock (_gate)
        {
            _reports.Add(report);
        }

        log.Line(jsonFormat ? ReportFormatter.Json(report, errorType, time.GetUtcNow()) : ReportFormatter.Text(report, errorType));
    }
}
