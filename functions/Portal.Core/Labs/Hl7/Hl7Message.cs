using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// A parsed HL7 v2 message (any type): the text plus an index of segment and field offsets.
/// Nothing is decoded or copied until a value is read through <see cref="Hl7Segment"/> / <see cref="Hl7Element"/>.
/// Segment terminators may be CR, LF or CRLF, with or without a final one; MLLP framing is stripped.
/// </summary>
public sealed class Hl7Message
{
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private FieldSpan[] _fields;
    private SegmentSpan[] _segments;
    private int _segmentCount;
    private bool _borrowed;

    private Hl7Message(string text, Hl7Delimiters delimiters, Hl7Indexer.Result index)
    {
        Text = text;
        Delimiters = delimiters;
        _fields = index.Fields;
        _segments = index.Segments;
        _segmentCount = index.SegmentCount;
        _borrowed = index.Borrowed;

        // Most messages use the escape character only in MSH-2: then no value needs decoding.
        var esc = delimiters.Escape;
        var msh2 = index.Fields[index.Segments[0].FirstField + 1];
        var afterMsh2 = text.AsSpan(msh2.Start + msh2.Length);
        HasEscapes = esc != '\0' && afterMsh2.Contains(esc);
    }

    /// <summary>True when the escape character occurs after MSH-2, so values may need decoding.</summary>
    internal bool HasEscapes { get; }

    /// <summary>The message text the offsets refer to.</summary>
    public string Text { get; }

    /// <summary>Delimiters declared in MSH-1/MSH-2.</summary>
    public Hl7Delimiters Delimiters { get; }

    /// <summary>Number of segments (blank lines are not segments).</summary>
    public int SegmentCount => _segmentCount;

    /// <summary>The segment at a 0-based position (0 is MSH).</summary>
    /// <param name="index">0-based segment position.</param>
    public Hl7Segment this[int index] => (uint)index < (uint)_segmentCount
        ? new Hl7Segment(this, index)
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The MSH segment.</summary>
    public Hl7Segment Header => new(this, 0);

    /// <summary>
    /// Reads a value by path: <c>PID-3</c>, <c>PID-3[2].4.1</c> (repetition 2, component 4, subcomponent 1),
    /// <c>OBX[2]-5</c> (second OBX). All positions are 1-based; a missing part reads as empty.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The element (empty when absent).</returns>
    /// <exception cref="FormatException">The path itself is malformed (a programming error, not message content).</exception>
    public Hl7Element Get(string path)
    {
        var p = Hl7Path.Parse(path);
        if (!TryFindSegment(p.Segment, p.SegmentOccurrence, out var segment))
        {
            return default;
        }

        var e = segment.Field(p.Field);
        if (p.Repetition > 0)
        {
            e = e.Repetition(p.Repetition);
        }

        if (p.Component > 0)
        {
            e = e.Component(p.Component);
        }

        if (p.Subcomponent > 0)
        {
            e = e.Subcomponent(p.Subcomponent);
        }

        return e;
    }

    /// <summary>Finds the n-th (1-based) segment with a given id.</summary>
    /// <param name="id">Segment id, e.g. <c>OBX</c>.</param>
    /// <param name="occurrence">1 for the first.</param>
    /// <param name="segment">The segment found.</param>
    /// <returns>True when found.</returns>
    public bool TryFindSegment(ReadOnlySpan<char> id, int occurrence, out Hl7Segment segment)
    {
        var seen = 0;
        for (var i = 0; i < _segmentCount; i++)
        {
            var s = new Hl7Segment(this, i);
            if (s.Id.SequenceEqual(id) && ++seen == occurrence)
            {
                segment = s;
                return true;
            }
        }

        segment = default;
        return false;
    }

    internal ref readonly SegmentSpan SegmentAt(int index) => ref _segments[index];

    /// <summary>
    /// Gives a message parsed with borrowed buffers (<see cref="TryParseBorrowed"/>) its buffers back; the message
    /// must not be used afterwards (it then reads as having no segments).
    /// </summary>
    internal void Release()
    {
        if (_borrowed)
        {
            _borrowed = false;
            Hl7Indexer.Release(_fields, _segments);
            _fields = [];
            _segments = [];
            _segmentCount = 0;
        }
    }

    /// <summary>Parses text into a message that uses this thread's scratch index buffers; call <see cref="Release"/> when done.</summary>
    internal static bool TryParseBorrowed(string? text, out Hl7Message? message, out LabRefusal? refusal, int maxLength) =>
        TryParseText(text, out message, out refusal, maxLength, borrow: true);

    internal ref readonly FieldSpan FieldAt(int index) => ref _fields[index];

    /// <summary>Parses message text. Never throws for any content.</summary>
    /// <param name="text">The message.</param>
    /// <param name="message">The parsed message, or null.</param>
    /// <param name="refusal">Why it is not a usable HL7 v2 message, or null.</param>
    /// <param name="maxLength">Largest accepted length in characters.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse(string? text, out Hl7Message? message, out LabRefusal? refusal, int maxLength = LabReaderOptions.DefaultMaxMessageBytes) =>
        TryParseText(text, out message, out refusal, maxLength, borrow: false);

    private static bool TryParseText(string? text, out Hl7Message? message, out LabRefusal? refusal, int maxLength, bool borrow)
    {
        message = null;
        if (string.IsNullOrEmpty(text))
        {
            refusal = new LabRefusal(LabRefusalReason.Empty, "The message is empty.");
            return false;
        }

        if (text.Length > maxLength)
        {
            refusal = new LabRefusal(LabRefusalReason.TooLarge, $"The message has {text.Length} characters; the limit is {maxLength}.");
            return false;
        }

        return TryIndex(text, out message, out refusal, borrow);
    }

    /// <summary>
    /// Parses message bytes. UTF-8 (which includes ASCII) is assumed when the bytes are valid UTF-8,
    /// else ISO 8859-1 (Latin-1), one character per byte — the encodings HL7 v2 senders use in practice.
    /// </summary>
    /// <param name="bytes">The message.</param>
    /// <param name="message">The parsed message, or null.</param>
    /// <param name="refusal">Why it is not a usable HL7 v2 message, or null.</param>
    /// <param name="maxBytes">Largest accepted size.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Hl7Message? message, out LabRefusal? refusal, int maxBytes = LabReaderOptions.DefaultMaxMessageBytes)
    {
        message = null;
        if (bytes.IsEmpty)
        {
            refusal = new LabRefusal(LabRefusalReason.Empty, "The message is empty.");
            return false;
        }

        if (bytes.Length > maxBytes)
        {
            refusal = new LabRefusal(LabRefusalReason.TooLarge, $"The message has {bytes.Length} bytes; the limit is {maxBytes}.");
            return false;
        }

        return TryIndex(Decode(bytes), out message, out refusal, borrow: false);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (ASCII included), else Latin-1.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);

    private static bool TryIndex(string text, out Hl7Message? message, out LabRefusal? refusal, bool borrow)
    {
        message = null;
        var whole = text.AsSpan();

        // MLLP framing (VT … FS CR) and a byte-order mark are transport, not content.
        var start = 0;
        while (start < whole.Length && whole[start] is '\u000B' or '\uFEFF' or '\r' or '\n' or ' ' or '\t')
        {
            start++;
        }

        var end = whole.Length;
        while (end > start && whole[end - 1] is '\u001C' or '\r' or '\n' or ' ' or '\t')
        {
            end--;
        }

        var span = whole[start..end];
        if (span.IsEmpty)
        {
            refusal = new LabRefusal(LabRefusalReason.Empty, "The message holds only white space.");
            return false;
        }

        var control = span.IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            refusal = new LabRefusal(LabRefusalReason.BinaryContent,
                $"Control character 0x{(int)span[control]:X2} at offset {control}: not an HL7 v2 text message.");
            return false;
        }

        if (!span.StartsWith("MSH"))
        {
            var head = span[..Math.Min(3, span.Length)].ToString();
            refusal = new LabRefusal(LabRefusalReason.MissingHeader,
                head is "FHS" or "BHS"
                    ? "Batches (FHS/BHS) are not accepted; send one message at a time."
                    : $"The message starts with '{head}', not with an MSH segment.");
            return false;
        }

        if (!TryReadDelimiters(span, out var delimiters, out refusal))
        {
            return false;
        }

        var index = Hl7Indexer.Index(span, start, delimiters.Field, borrow);
        for (var i = 0; i < index.SegmentCount; i++)
        {
            var segment = index.Segments[i];
            var id = text.AsSpan(segment.Start, index.Fields[segment.FirstField].Length);
            if (!IsSegmentId(id))
            {
                if (index.Borrowed)
                {
                    Hl7Indexer.Release(index.Fields, index.Segments);
                }

                var isLast = i == index.SegmentCount - 1;
                refusal = new LabRefusal(
                    isLast ? LabRefusalReason.Truncated : LabRefusalReason.MalformedSegment,
                    isLast
                        ? $"The last segment starts with '{Shorten(id)}', not a segment id: the message looks truncated."
                        : $"Segment {i + 1} starts with '{Shorten(id)}', not a segment id (three upper-case letters or digits).");
                return false;
            }

            if (id.SequenceEqual("MSH"))
            {
                index.Segments[i] = segment with { IsHeader = true };
            }
        }

        message = new Hl7Message(text, delimiters, index);
        refusal = null;
        return true;
    }

    private static bool TryReadDelimiters(ReadOnlySpan<char> span, out Hl7Delimiters delimiters, out LabRefusal? refusal)
    {
        delimiters = default;
        refusal = null;
        if (span.Length < 5)
        {
            refusal = new LabRefusal(LabRefusalReason.Truncated, "The MSH segment ends before its delimiters.");
            return false;
        }

        var field = span[3];
        if (!IsDelimiterCandidate(field))
        {
            refusal = new LabRefusal(LabRefusalReason.InvalidDelimiters, $"MSH-1 '{field}' cannot be a field separator.");
            return false;
        }

        var rest = span[4..];
        var length = rest.IndexOfAny(field, '\r', '\n');
        if (length < 0 || rest[length] != field)
        {
            refusal = new LabRefusal(LabRefusalReason.Truncated, "The MSH segment ends after MSH-2: the message is truncated.");
            return false;
        }

        var encoding = rest[..length];
        if (encoding.Length is < 1 or > 5)
        {
            refusal = new LabRefusal(LabRefusalReason.InvalidDelimiters,
                $"MSH-2 '{Shorten(encoding)}' must hold 1 to 5 encoding characters (component, repetition, escape, subcomponent[, truncation]).");
            return false;
        }

        // A fifth character (v2.7 truncation) is allowed and ignored.
        Span<char> chars = stackalloc char[5];
        chars.Clear();
        chars[0] = field;
        for (var i = 0; i < Math.Min(4, encoding.Length); i++)
        {
            var c = encoding[i];
            if (!IsDelimiterCandidate(c) || chars[..(i + 1)].Contains(c))
            {
                refusal = new LabRefusal(LabRefusalReason.InvalidDelimiters,
                    $"MSH-2 '{Shorten(encoding)}': encoding character '{c}' is a letter, digit, space or repeats another delimiter.");
                return false;
            }

            chars[i + 1] = c;
        }

        delimiters = new Hl7Delimiters(field, chars[1], chars[2], chars[3], chars[4]);
        return true;
    }

    private static bool IsDelimiterCandidate(char c) =>
        c > ' ' && c < '\u007F' && !char.IsAsciiLetterOrDigit(c);

    private static bool IsSegmentId(ReadOnlySpan<char> id) =>
        id.Length == 3 && char.IsAsciiLetterUpper(id[0])
        && (char.IsAsciiLetterUpper(id[1]) || char.IsAsciiDigit(id[1]))
        && (char.IsAsciiLetterUpper(id[2]) || char.IsAsciiDigit(id[2]));

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 20 ? s.ToString() : string.Concat(s[..20], "…");
}

/// <summary>Offset and length of one field in the message text.</summary>
internal readonly record struct FieldSpan(int Start, int Length);

/// <summary>A segment's place in the text and its fields in the field index (field 0 is the segment id).</summary>
internal readonly record struct SegmentSpan(int Start, int Length, int FirstField, int FieldCount)
{
    /// <summary>True for MSH, whose field numbering is shifted by MSH-1 being the separator itself.</summary>
    public bool IsHeader { get; init; }
}
