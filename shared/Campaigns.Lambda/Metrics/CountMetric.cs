using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Campaigns.Lambda.Metrics;

/// <summary>
/// One CloudWatch Embedded Metric Format record counting one event, by <c>FunctionName</c>:
/// <c>{"_aws":{…"Metrics":[{"Name":N,"Unit":"Count"}]},"FunctionName":F,N:1}</c>.
/// </summary>
internal static class CountMetric
{
    public static string Format(string metricNamespace, string metricName, string functionName, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
            MetricDirective.Write(writer, metricNamespace, ["FunctionName"], [(metricName, "Count")]);
            writer.WriteEndObject();
            writer.WriteString("FunctionName", functionName);
            writer.WriteNumber(metricName, 1);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
