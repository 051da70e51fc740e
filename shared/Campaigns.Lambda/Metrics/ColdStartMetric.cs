using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Campaigns.Lambda.Metrics;

/// <summary>
/// The one CloudWatch Embedded Metric Format record a process writes on its first invocation:
/// <c>ColdStart</c> = 1 and <c>InitDurationMs</c> from process start to the end of init, by
/// <c>FunctionName</c>. As a metric, cold starts can be graphed and alarmed on without log queries.
/// </summary>
/// <param name="processStart">
/// Read only when the record is formatted, after the first response is posted: asking the OS for the
/// process start time costs CPU that init need not wait for (measured in docs/performance.md).
/// </param>
internal sealed class ColdStartMetric(string metricNamespace, Func<DateTimeOffset> processStart)
{
    public string Format(string functionName, string requestId, DateTimeOffset initEnd, DateTimeOffset now)
    {
        double initDurationMs = Math.Round((initEnd - processStart()).TotalMilliseconds, 3);
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
            MetricDirective.Write(writer, metricNamespace, ["FunctionName"], [("ColdStart", "Count"), ("InitDurationMs", "Milliseconds")]);
            writer.WriteEndObject();
            writer.WriteString("FunctionName", functionName);
            writer.WriteNumber("ColdStart", 1);
            writer.WriteNumber("InitDurationMs", initDurationMs);
            writer.WriteString("requestId", requestId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
