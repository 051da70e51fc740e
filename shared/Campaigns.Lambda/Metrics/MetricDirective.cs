using System.Text.Json;

namespace Campaigns.Lambda.Metrics;

/// <summary>
/// The <c>CloudWatchMetrics</c> member of an Embedded Metric Format record: one namespace, one
/// dimension set and the metrics' names and units. Every record the functions write declares its
/// metrics through this one writer, so they cannot drift apart in shape.
/// </summary>
internal static class MetricDirective
{
    public static void Write(Utf8JsonWriter writer, string metricNamespace, ReadOnlySpan<string> dimensions, ReadOnlySpan<(string Name, string Unit)> metrics)
    {
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", metricNamespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        foreach (string dimension in dimensions)
        {
            writer.WriteStringValue(dimension);
        }

        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        foreach (var (name, unit) in metrics)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", name);
            writer.WriteString("Unit", unit);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
