using System.Globalization;

namespace Campaigns.Emulator.Processes;

/// <summary>Reads a process's peak resident set (the "Max Memory Used" of a REPORT line) from /proc.</summary>
internal static class ProcessMemory
{
    public static long ReadPeakKb(int processId)
    {
        try
        {
            return ParsePeakKb(File.ReadAllLines($"/proc/{processId}/status"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone already, or not Linux: the caller keeps its last known value.
            return 0;
        }
    }

    /// <summary>The <c>VmHWM:   46420 kB</c> line of /proc/&lt;pid&gt;/status.</summary>
    public static long ParsePeakKb(IEnumerable<string> statusLines)
    {
        ArgumentNullException.ThrowIfNull(statusLines);
        var line = statusLines.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
        {
            return 0;
        }

        var fields = line["VmHWM:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
    }
}
