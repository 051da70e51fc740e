using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Campaigns.Bench.Bound;

/// <summary>
/// One function's DynamoDB request as its store sends it, read from requests/&lt;function&gt;.json (recorded from
/// the store, embedded in this binary): the operation, and the body, compact, cut at its placeholders so that
/// an invocation only joins the pieces with its own values.
/// </summary>
internal sealed class RecordedRequest
{
    private const string TargetPrefix = "DynamoDB_20120810.";

    // The literal pieces of the body around the placeholders: Literals[i], Holes[i], Literals[i + 1], ...
    private readonly byte[][] _literals;
    private readonly Placeholder[] _holes;

    private RecordedRequest(string operation, byte[][] literals, Placeholder[] holes)
    {
        Operation = operation;
        _literals = literals;
        _holes = holes;
    }

    public string Operation { get; }

    /// <summary>The placeholders the body holds, in order of appearance.</summary>
    public IReadOnlyList<Placeholder> Placeholders => _holes;

    /// <summary>The request recorded for <paramref name="function"/>, from this binary's resources.</summary>
    public static RecordedRequest Load(string function)
    {
        using var stream = typeof(RecordedRequest).Assembly.GetManifestResourceStream(function + ".json")
            ?? throw new ArgumentException("no request is recorded for function '" + function + "' (requests/*.json)", nameof(function));
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(bytes);
    }

    /// <summary>Reads a fixture: <c>{"target": "DynamoDB_20120810.Operation", "body": {...}}</c>.</summary>
    public static RecordedRequest Parse(ReadOnlySpan<byte> fixture)
    {
        var reader = new Utf8JsonReader(fixture);
        string? target = null;
        byte[]? body = null;
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = reader.GetString()!;
            reader.Read();
            switch (property)
            {
                case "target":
                    target = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case "body" when reader.TokenType == JsonTokenType.StartObject:
                    body = Compact(ref reader);
                    break;
                default:
                    throw new FormatException("unexpected '" + property + "' in a recorded request");
            }
        }

        if (target is null || !target.StartsWith(TargetPrefix, StringComparison.Ordinal) || body is null)
        {
            throw new FormatException("a recorded request needs a target (" + TargetPrefix + "Operation) and a body object");
        }

        var (literals, holes) = Cut(body);
        return new RecordedRequest(target[TargetPrefix.Length..], literals, holes);
    }

    /// <summary>The body with each placeholder replaced by its value, written as a JSON string's content.</summary>
    public byte[] Body(Func<Placeholder, string> valueOf)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        for (int i = 0; i < _holes.Length; i++)
        {
            buffer.Write(_literals[i]);
            // Escaped: a value (the caller's sub, above all) cannot end its string and add JSON of its own.
            buffer.Write(JsonEncodedText.Encode(valueOf(_holes[i]), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
        }

        buffer.Write(_literals[^1]);
        return buffer.WrittenSpan.ToArray();
    }

    // The body object the reader is on, rewritten without whitespace; strings unescaped only as far as JSON needs.
    private static byte[] Compact(ref Utf8JsonReader reader)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            int depth = reader.CurrentDepth;
            writer.WriteStartObject();
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                    case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan); break;
                    case JsonTokenType.True or JsonTokenType.False: writer.WriteBooleanValue(reader.GetBoolean()); break;
                    default: writer.WriteNullValue(); break;
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static (byte[][] Literals, Placeholder[] Holes) Cut(byte[] body)
    {
        var literals = new List<byte[]>();
        var holes = new List<Placeholder>();
        ReadOnlySpan<byte> rest = body;
        int open;
        while ((open = rest.IndexOf("{{"u8)) >= 0)
        {
            int length = rest[(open + 2)..].IndexOf("}}"u8);
            string name = length < 0 ? string.Empty : Encoding.UTF8.GetString(rest.Slice(open + 2, length));
            if (!IsPlaceholderName(name) || !Enum.TryParse(name, ignoreCase: true, out Placeholder placeholder))
            {
                throw new FormatException("unknown placeholder '{{" + name + "}}' in a recorded request");
            }

            literals.Add(rest[..open].ToArray());
            holes.Add(placeholder);
            rest = rest[(open + 2 + length + 2)..];
        }

        literals.Add(rest.ToArray());
        return ([.. literals], [.. holes]);
    }

    // Lower-case letters only: Enum.TryParse would also take numbers and comma lists.
    private static bool IsPlaceholderName(string name) => name.Length > 0 && name.All(char.IsAsciiLetterLower);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new FormatException("a recorded request is a JSON object");
        }
    }
}
