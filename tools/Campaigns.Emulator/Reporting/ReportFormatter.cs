using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaigns.Emulator.Hosting;

namespace Campaigns.Emulator.Reporting;

/// <summary>Lambda's platform lines: REPORT (Text log format) or platform.report (JSON), and their init-failure forms.</summary>
internal static class ReportFormatter
{
    public static string Text(InvocationReport report, string? errorType)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == InvocationStatus.InitFailed)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"INIT_REPORT Init Duration: {report.InitDurationMs:F2} ms\tPhase: init\tStatus: {InitStatus(errorType)}\tError Type: {errorType}");
        }

        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"REPORT RequestId: {report.RequestId}\tDuration: {report.DurationMs:F2} ms\t");
        line.Append(CultureInfo.InvariantCulture, $"Billed Duration: {report.BilledDurationMs} ms\tMemory Size: {report.MemorySizeMb} MB\t");
        line.Append(CultureInfo.InvariantCulture, $"Max Memory Used: {report.MaxMemoryUsedMb} MB");
        if (report.InitDurationMs is { } init)
        {
            line.Append(CultureInfo.InvariantCulture, $"\tInit Duration: {init:F2} ms");
        }

        // Lambda adds a status only to invocations the platform itself ended.
        if (report.Status == InvocationStatus.TimedOut)
        {
            line.Append("\tStatus: timeout");
        }
        else if (report.Status == InvocationStatus.Crashed)
        {
            line.Append(CultureInfo.InvariantCulture, $"\tStatus: error\tError Type: {errorType}");
        }

        return line.ToString();
    }

    public static string Json(InvocationReport report, string? errorType, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            if (report.Status == InvocationStatus.InitFailed)
            {
                WriteInitReport(json, report, errorType);
            }
            else
            {
                WriteReport(json, report, errorType);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter json, InvocationReport report, string? errorType)
    {
        json.WriteString("type", "platform.report");
        json.WriteStartObject("record");
        json.WriteString("requestId", report.RequestId);
        json.WriteStartObject("metrics");
        json.WriteNumber("durationMs", Math.Round(report.DurationMs, 2));
        json.WriteNumber("billedDurationMs", report.BilledDurationMs);
        json.WriteNumber("memorySizeMB", report.MemorySizeMb);
        json.WriteNumber("maxMemoryUsedMB", report.MaxMemoryUsedMb);
        if (report.InitDurationMs is { } init)
        {
            json.WriteNumber("initDurationMs", Math.Round(init, 2));
        }

        json.WriteEndObject();
        json.WriteString("status", report.Status switch
        {
            InvocationStatus.Success => "success",
            InvocationStatus.TimedOut => "timeout",
            _ => "error",
        });
        if (report.Status is InvocationStatus.Crashed or InvocationStatus.TimedOut or InvocationStatus.FunctionError && errorType is not null)
        {
            json.WriteString("errorType", errorType);
        }

        json.WriteEndObject();
    }

    private static void WriteInitReport(Utf8JsonWriter json, InvocationReport report, string? errorType)
    {
        json.WriteString("type", "platform.initReport");
        json.WriteStartObject("record");
        json.WriteString("initializationType", "on-demand");
        json.WriteString("phase", "init");
        json.WriteString("status", InitStatus(errorType));
        json.WriteString("errorType", errorType);
        json.WriteStartObject("metrics");
        json.WriteNumber("durationMs", Math.Round(report.InitDurationMs ?? 0, 2));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string InitStatus(string? errorType) => errorType == "Sandbox.Timedout" ? "timeout" : "error";
}
