using System.Text;

namespace Campaigns.Testing;

/// <summary>
/// A thread-safe in-memory Output for the emulator (function logs, REPORT lines, its own lines),
/// readable while it is being written.
/// </summary>
public sealed class LogWriter : TextWriter
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _text.Append(value).Append('\n');
        }
    }

    public override string ToString() => Text;
}
