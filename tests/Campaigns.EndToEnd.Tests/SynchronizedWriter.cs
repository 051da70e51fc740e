using System.Text;

namespace Campaigns.EndToEnd.Tests;

/// <summary>Collects what the emulator prints (function logs, REPORT lines) from many threads, for assertions.</summary>
public sealed class SynchronizedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

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

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }
}
