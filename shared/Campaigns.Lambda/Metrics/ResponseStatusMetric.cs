using System.Buffers;
using System.Text;
using System.Text.Json;
using Campaigns.Lambda.Logging;

namespace Campaigns.Lambda.Metrics;

/// <summary>
/// One CloudWatch Embedded Metric Format record per 4xx or 5xx answer: <c>Http4xx</c> or
/// <c>Http5xx</c> = 1 by <c>FunctionName</c> and <c>Version</c> (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).
/// The version dimension is what lets a canary's alarm see the new version's failures apart from the
/// old version's traffic; Lambda's own <c>Errors</c> never counts an answered 500.
/// </summary>
/// <remarks>
/// Other answers write nothing. The constant part of each record is built on the first 4xx or 5xx, not
/// during init. Each record carries a <c>level</c> (ERROR for 5xx, WARN for 4xx): with JSON logs Lambda
/// counts a line without one as INFO, so an application log level of WARN would drop the 5xx records
/// and leave a canary's alarm without data.
/// </remarks>
public sealed class ResponseStatusMetric(string metricNamespace, LambdaLogger logger, IEnvironmentVariables environment, TimeProvider time)
{
    private string? _clientErrorPrefix;
    private string? _serverErrorPrefix;

    public void Record(int statusCode)
    {
        if (statusCode is < 400 or > 599)
        {
            return;
        }

        logger.WriteLine(Format(statusCode, logger.RequestId, time.GetUtcNow()));
    }

    internal string Format(int statusCode, string? requestId, DateTimeOffset now)
    {
        string prefix = statusCode >= 500
            ? _serverErrorPrefix ??= Prefix("Http5xx", "ERROR")
            : _clientErrorPrefix ??= Prefix("Http4xx", "WARN");
        string request = requestId is null ? "null" : $"\"{JsonEncodedText.Encode(requestId)}\"";
        return $"{prefix}{now.ToUnixTimeMilliseconds()}}},\"statusCode\":{statusCode},\"requestId\":{request}}}";
    }

    // Everything up to the timestamp, which closes the "_aws" object: the same on every record.
    private string Prefix(string metricName, string level)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("level", level);
            writer.WriteString("FunctionName", logger.FunctionName);
            writer.WriteString("Version", environment.GetValue("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST");
            writer.WriteNumber(metricName, 1);
            writer.WriteStartObject("_aws");
            MetricDirective.Write(writer, metricNamespace, ["FunctionName", "Version"], [(metricName, "Count")]);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // The writer closed both objects; the timestamp goes back inside "_aws".
        string whole = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return string.Concat(whole.AsSpan(0, whole.Length - 2), ",\"Timestamp\":");
    }
}
