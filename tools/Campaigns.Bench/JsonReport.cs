using System.Text.Json;

namespace Campaigns.Bench;

/// <summary>The raw samples and the summaries as JSON, written by hand so nothing depends on reflection.</summary>
internal static class JsonReport
{
    public static void Write(string path, RunRecord run)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("timestamp", run.Timestamp);
        w.WriteString("gitSha", run.GitSha);
        w.WriteString("aotFramework", run.AotFramework);
        w.WriteString("jitFramework", "net" + Environment.Version.ToString(2));
        w.WriteString("machine", run.Machine);
        w.WriteNumber("coldRuns", run.Options.ColdRuns);
        w.WriteNumber("warmRuns", run.Options.WarmRuns);
        w.WriteNumber("memorySizeMb", run.Options.MemorySizeMb);
        w.WriteString("tls", run.Options.TlsLabel);
        w.WriteStartObject("dynamoDbRoundTripP50Ms");
        foreach (var (function, ms) in run.DynamoRoundTripMs)
        {
            w.WriteNumber(function, ms);
        }

        w.WriteEndObject();
        w.WriteStartArray("summaries");
        foreach (var s in run.Summaries)
        {
            w.WriteStartObject();
            w.WriteString("function", s.Function);
            w.WriteString("variant", s.Variant);
            w.WriteNumber("coldTotalP50Ms", s.ColdP50);
            w.WriteNumber("coldTotalP99Ms", s.ColdP99);
            w.WriteNumber("initP50Ms", s.InitP50);
            w.WriteNumber("firstInvocationP50Ms", s.FirstP50);
            w.WriteNumber("initCpuP50Ms", s.InitCpuP50);
            w.WriteNumber("firstInvocationCpuP50Ms", s.FirstCpuP50);
            w.WriteNumber("projectedFirstInvocationAt256MbMs", s.ProjectedFirstAt256Ms);
            w.WriteNumber("warmP50Ms", s.WarmP50);
            w.WriteNumber("warmP90Ms", s.WarmP90);
            w.WriteNumber("warmP99Ms", s.WarmP99);
            w.WriteNumber("peakRssMb", s.PeakRssMb);
            w.WriteNumber("binaryBytes", s.BinaryBytes);
            w.WriteNumber("zipBytes", s.ZipBytes);
            w.WriteNumber("failures", s.Failures);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("cold");
        foreach (var c in run.Cold)
        {
            w.WriteStartObject();
            w.WriteString("function", c.Function);
            w.WriteString("variant", c.Variant);
            w.WriteNumber("initMs", c.InitMs);
            w.WriteNumber("firstInvocationMs", c.FirstInvocationMs);
            w.WriteNumber("initCpuMs", c.InitCpuMs);
            w.WriteNumber("firstInvocationCpuMs", c.FirstInvocationCpuMs);
            w.WriteNumber("peakRssMb", c.PeakRssMb);
            w.WriteBoolean("succeeded", c.Succeeded);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("warm");
        foreach (var sample in run.Warm)
        {
            w.WriteStartObject();
            w.WriteString("function", sample.Function);
            w.WriteString("variant", sample.Variant);
            w.WriteNumber("durationMs", sample.DurationMs);
            w.WriteBoolean("succeeded", sample.Succeeded);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
