namespace Portal.Core.Labs.Hl7;

/// <summary>
/// One segment of an <see cref="Hl7Message"/>. Fields are numbered as in the standard:
/// <c>MSH-1</c> is the field separator, <c>MSH-2</c> the encoding characters, <c>PID-3</c> the third field after the id.
/// </summary>
public readonly struct Hl7Segment
{
    private readonly Hl7Message _message;
    private readonly int _index;

    internal Hl7Segment(Hl7Message message, int index)
    {
        _message = message;
        _index = index;
    }

    /// <summary>0-based position in the message.</summary>
    public int Index => _index;

    /// <summary>The segment id (<c>MSH</c>, <c>OBX</c> …), without allocating.</summary>
    public ReadOnlySpan<char> Id
    {
        get
        {
            ref readonly var s = ref _message.SegmentAt(_index);
            return _message.Text.AsSpan(s.Start, 3);
        }
    }

    /// <summary>The segment id as a string.</summary>
    public string Name => Id.ToString();

    /// <summary>The raw segment text.</summary>
    public ReadOnlySpan<char> Raw
    {
        get
        {
            ref readonly var s = ref _message.SegmentAt(_index);
            return _message.Text.AsSpan(s.Start, s.Length);
        }
    }

    /// <summary>Number of the last field present (0 for a segment with only its id).</summary>
    public int FieldCount
    {
        get
        {
            ref readonly var s = ref _message.SegmentAt(_index);
            return IsHeader ? s.FieldCount : s.FieldCount - 1;
        }
    }

    private bool IsHeader => _message.SegmentAt(_index).IsHeader;

    /// <summary>True when the id is <paramref name="id"/>.</summary>
    /// <param name="id">Segment id.</param>
    /// <returns>True on match.</returns>
    public bool Is(ReadOnlySpan<char> id) => Id.SequenceEqual(id);

    /// <summary>Field by number (1-based); empty when absent.</summary>
    /// <param name="number">Field number, e.g. 5 for OBX-5.</param>
    public Hl7Element this[int number] => Field(number);

    /// <summary>Field by number (1-based); empty when absent.</summary>
    /// <param name="number">Field number, e.g. 5 for OBX-5.</param>
    /// <returns>The field.</returns>
    public Hl7Element Field(int number)
    {
        if (_message is null || number < 1)
        {
            return default;
        }

        ref readonly var s = ref _message.SegmentAt(_index);
        int splitIndex;
        if (s.IsHeader)
        {
            if (number == 1)
            {
                return new Hl7Element(_message, s.Start + 3, 1, Hl7Element.LevelLeaf);
            }

            splitIndex = number - 1;
        }
        else
        {
            splitIndex = number;
        }

        if (splitIndex >= s.FieldCount)
        {
            return default;
        }

        ref readonly var f = ref _message.FieldAt(s.FirstField + splitIndex);
        var level = s.IsHeader && number == 2 ? Hl7Element.LevelLeaf : Hl7Element.LevelField;
        return new Hl7Element(_message, f.Start, f.Length, level);
    }

    /// <summary>The raw segment.</summary>
    public override string ToString() => Raw.ToString();
}
