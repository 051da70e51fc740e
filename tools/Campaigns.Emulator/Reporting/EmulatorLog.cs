namespace Campaigns.Emulator.Reporting;

/// <summary>
/// The one output all lines go through: function output, REPORT lines and the emulator's own notes arrive
/// from many threads, and each must land as a whole line.
/// </summary>
internal sealed class EmulatorLog(TextWriter output)
{
    private readonly object _gate = new();

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            // Flushed per line so that a piped or redirected log is as current as a terminal.
            output.Flush();
        }
    }
}
