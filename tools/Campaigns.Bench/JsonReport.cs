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
        w.WriteStartObject("load");
        w.WriteNumber("samples", run.Load.Samples);
        w.WriteNumber("intervalMs", run.Load.Interval.TotalMilliseconds);
        w.WriteNumber("cores", run.Load.Cores);
        Number(w, "runnablePerCoreMean", run.Load.RunnablePerCoreMean);
        Number(w, "runnablePerCoreMax", run.Load.RunnablePerCoreMax);
        Number(w, "loadAverageMean", run.Load.LoadAverageMean);
        Number(w, "loadAverageMax", run.Load.LoadAverageMax);
        w.WriteBoolean("quiet", Budget.NotQuiet(run.Load) is null);
        w.WriteEndObject();
        w.WriteStartObject("zips");
        foreach (var (function, zip) in run.Zips)
        {
            w.WriteStartObject(function);
            w.WriteNumber("bytes", zip.Bytes);
            w.WriteString("architecture", zip.Architecture);
            w.WriteString("origin", zip.Origin);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        Objects(w, "budget", run.Budget(), line =>
        {
            w.WriteString("function", line.Function);
            w.WriteString("rule", line.Rule);
            w.WriteString("measured", line.Measured);
            w.WritePropertyName("met");
            if (line.Met is { } met)
            {
                w.WriteBooleanValue(met);
            }
            else
            {
                w.WriteNullValue();
            }
        });
        Objects(w, "coldTailWarnings", run.TailWarnings(), warning =>
        {
            w.WriteString("function", warning.Function);
            w.WriteString("variant", warning.Variant);
            w.WriteNumber("coldSamples", warning.Samples);
            w.WriteNumber("coldTotalP50Ms", warning.P50);
            w.WriteNumber("coldTotalP99Ms", warning.P99);
            w.WriteStartArray("outlierRuns");
            warning.Outliers.ToList().ForEach(outlier => w.WriteNumberValue(outlier.Run));
            w.WriteEndArray();
        });
        Objects(w, "summaries", run.Summaries, s =>
        {
            w.WriteString("function", s.Function);
            w.WriteString("variant", s.Variant);
            w.WriteNumber("coldSamples", s.ColdSamples);
            w.WriteNumber("coldTotalP50Ms", s.ColdP50);
            w.WriteNumber("coldTotalP99Ms", s.ColdP99);
            w.WriteNumber("initP50Ms", s.InitP50);
            w.WriteNumber("firstInvocationP50Ms", s.FirstP50);
            w.WriteNumber("initCpuP50Ms", s.InitCpuP50);
            w.WriteNumber("firstInvocationCpuP50Ms", s.FirstCpuP50);
            w.WriteNumber("coldCpuP50Ms", s.ColdCpuP50);
            w.WriteNumber("minorFaultsP50", s.MinorFaultsP50);
            w.WriteNumber("projectedFirstInvocationAt256MbMs", s.ProjectedFirstAt256Ms);
            w.WriteNumber("warmP50Ms", s.WarmP50);
            w.WriteNumber("warmP90Ms", s.WarmP90);
            w.WriteNumber("warmP99Ms", s.WarmP99);
            w.WriteNumber("peakRssMb", s.PeakRssMb);
            w.WriteNumber("binaryBytes", s.BinaryBytes);
            w.WriteNumber("zipBytes", s.ZipBytes);
            w.WriteNumber("failures", s.Failures);
        });
        Objects(w, "cold", run.Cold, c =>
        {
            w.WriteNumber("run", c.Run);
            w.WriteString("function", c.Function);
            w.WriteString("variant", c.Variant);
            w.WriteNumber("initMs", c.InitMs);
            w.WriteNumber("firstInvocationMs", c.FirstInvocationMs);
            w.WriteNumber("initCpuMs", c.InitCpuMs);
            w.WriteNumber("firstInvocationCpuMs", c.FirstInvocationCpuMs);
            w.WriteNumber("minorFaults", c.MinorFaults);
            w.WriteNumber("peakRssMb", c.PeakRssMb);
            w.WriteBoolean("succeeded", c.Succeeded);
        });
        Objects(w, "warm", run.Warm, sample =>
        {
            w.WriteString("function", sample.Function);
            w.WriteString("variant", sample.Variant);
            w.WriteNumber("durationMs", sample.DurationMs);
            w.WriteBoolean("succeeded", sample.Succeeded);
        });
        w.WriteEndObject();
    }

    /// <summary>A number, or null where there is none (JSON has no NaN).</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>An array property holding one object per item, its properties written by <paramref name="properties"/>.</summary>
    private static void Objects<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> properties)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            properties(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
