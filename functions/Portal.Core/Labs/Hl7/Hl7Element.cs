using System.Globalization;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// A field, repetition, component or subcomponent: a slice of the message text. Reading <see cref="Value"/>
/// decodes escapes and allocates; navigating (<see cref="Repetition"/>, <see cref="Component(int)"/>,
/// <see cref="Subcomponent"/>) does not. Positions are 1-based; asking for a part that is not there gives an empty element.
/// Empty (<c>||</c>) and explicit null (<c>|""|</c>) are told apart by <see cref="IsEmpty"/> and <see cref="IsNull"/>.
/// </summary>
public readonly struct Hl7Element
{
    internal const byte LevelField = 0;
    internal const byte LevelRepetition = 1;
    internal const byte LevelComponent = 2;
    internal const byte LevelSubcomponent = 3;
    internal const byte LevelLeaf = 4;

    private readonly Hl7Message? _message;
    private readonly int _start;
    private readonly int _length;
    private readonly byte _level;

    internal Hl7Element(Hl7Message message, int start, int length, byte level)
    {
        _message = message;
        _start = start;
        _length = length;
        _level = level;
    }

    /// <summary>The text as sent, escapes not decoded.</summary>
    public ReadOnlySpan<char> Raw => _message is null ? default : _message.Text.AsSpan(_start, _length);

    /// <summary>True when nothing was sent (absent or <c>||</c>).</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>True for the explicit null <c>""</c>: the sender says "delete / no value".</summary>
    public bool IsNull => _length == 2 && Raw.SequenceEqual("\"\"");

    /// <summary>True when a real value is present (neither empty nor <c>""</c>).</summary>
    public bool HasValue => _length != 0 && !IsNull;

    /// <summary>The decoded value; null when empty or <c>""</c>.</summary>
    public string? Value => !HasValue ? null
        : _message!.HasEscapes ? Hl7Escape.Decode(Raw, _message.Delimiters)
        : new string(Raw);

    /// <summary>Number of repetitions (0 when empty); 1 below field level.</summary>
    public int RepetitionCount
    {
        get
        {
            if (_length == 0)
            {
                return 0;
            }

            var rep = _message!.Delimiters.Repetition;
            return _level != LevelField || rep == '\0' ? 1 : Raw.Count(rep) + 1;
        }
    }

    /// <summary>A repetition of a field (1-based).</summary>
    /// <param name="number">1 for the first.</param>
    /// <returns>The repetition, or empty.</returns>
    public Hl7Element Repetition(int number)
    {
        if (_level != LevelField)
        {
            return number == 1 ? this : default;
        }

        return Split(_message?.Delimiters.Repetition ?? '\0', number, LevelRepetition);
    }

    /// <summary>A component (1-based); on a field, of its first repetition.</summary>
    /// <param name="number">1 for the first.</param>
    /// <returns>The component, or empty.</returns>
    public Hl7Element Component(int number)
    {
        var e = _level == LevelField ? Repetition(1) : this;
        if (e._level != LevelRepetition)
        {
            return number == 1 ? e : default;
        }

        return e.Split(_message?.Delimiters.Component ?? '\0', number, LevelComponent);
    }

    /// <summary>A component's subcomponent (1-based); on a field or repetition, of its first component.</summary>
    /// <param name="number">1 for the first.</param>
    /// <returns>The subcomponent, or empty.</returns>
    public Hl7Element Subcomponent(int number)
    {
        var e = _level < LevelComponent ? Component(1) : this;
        if (e._level != LevelComponent)
        {
            return number == 1 ? e : default;
        }

        return e.Split(_message?.Delimiters.Subcomponent ?? '\0', number, LevelSubcomponent);
    }

    /// <summary>Component <paramref name="component"/>, subcomponent <paramref name="subcomponent"/>.</summary>
    /// <param name="component">1-based component.</param>
    /// <param name="subcomponent">1-based subcomponent.</param>
    /// <returns>The subcomponent, or empty.</returns>
    public Hl7Element Component(int component, int subcomponent) => Component(component).Subcomponent(subcomponent);

    internal Hl7Message? Message => _message;

    /// <summary>A part of this element at a relative offset, at the given level.</summary>
    internal Hl7Element Slice(int offset, int length, byte level) =>
        _message is null ? default : new Hl7Element(_message, _start + offset, length, level);

    /// <summary>Component <paramref name="number"/> as the parent of subcomponents (a field or repetition gives its component; a component itself).</summary>
    internal Hl7Element Component(int number, bool asParent) => _level < LevelComponent ? Component(number) : this;

    /// <summary>All components of this element (of its first repetition), split in one pass.</summary>
    internal Hl7Parts Components() => new(this, subcomponents: false);

    /// <summary>All subcomponents of this component (of the first component of a field), split in one pass.</summary>
    internal Hl7Parts Subcomponents() => new(this, subcomponents: true);

    /// <summary>True when the raw text equals <paramref name="text"/> (no allocation).</summary>
    /// <param name="text">Text to compare.</param>
    /// <returns>True on match.</returns>
    public bool RawEquals(ReadOnlySpan<char> text) => Raw.SequenceEqual(text);

    /// <summary>Reads the value as a decimal (invariant culture).</summary>
    /// <param name="value">The number.</param>
    /// <returns>False when empty or not a number.</returns>
    public bool TryGetDecimal(out decimal value) => LabNumbers.TryParse(Raw, out value);

    /// <summary>Reads the value as an HL7 timestamp.</summary>
    /// <param name="senderTimeZone">Zone for values without an offset.</param>
    /// <returns>The time, or null when empty, <c>""</c> or invalid.</returns>
    public PartialDateTime? AsTimestamp(TimeZoneInfo senderTimeZone) =>
        HasValue ? Hl7Timestamp.Parse(Component(1).Raw, senderTimeZone) : null;

    /// <summary>The decoded value, or an empty string.</summary>
    public override string ToString() => Value ?? string.Empty;

    private Hl7Element Split(char separator, int number, byte level)
    {
        if (_message is null || number < 1)
        {
            return default;
        }

        var raw = Raw;
        if (separator == '\0')
        {
            return number == 1 ? new Hl7Element(_message, _start, _length, level) : default;
        }

        if (level == LevelRepetition)
        {
            // Fields can be long and rarely repeat: a vectorized search finds the (usually absent) separator fastest.
            var first = raw.IndexOf(separator);
            if (number == 1)
            {
                return new Hl7Element(_message, _start, first < 0 ? raw.Length : first, level);
            }
        }

        // Components are short: a plain loop beats a vectorized search here.
        var offset = 0;
        var seen = 1;
        var i = 0;
        for (; i < raw.Length; i++)
        {
            if (raw[i] == separator)
            {
                if (seen == number)
                {
                    break;
                }

                seen++;
                offset = i + 1;
            }
        }

        return seen == number ? new Hl7Element(_message, _start + offset, i - offset, level) : default;
    }
}

/// <summary>Invariant number parsing for HL7 NM values.</summary>
internal static class LabNumbers
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
}
