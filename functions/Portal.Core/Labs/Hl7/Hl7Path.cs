namespace Portal.Core.Labs.Hl7;

/// <summary>A parsed path such as <c>PID-3[2].4.1</c> or <c>OBX[2]-5</c>; positions 0 mean "not given".</summary>
internal readonly record struct Hl7Path(string Segment, int SegmentOccurrence, int Field, int Repetition, int Component, int Subcomponent)
{
    public static Hl7Path Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var s = path.AsSpan().Trim();
        if (s.Length < 5 || s[3] is not ('-' or '['))
        {
            throw Bad(path);
        }

        var segment = s[..3].ToString();
        var pos = 3;
        var occurrence = 1;
        if (s[pos] == '[')
        {
            occurrence = Number(s, ref pos, path, bracketed: true);
        }

        if (pos >= s.Length || s[pos] != '-')
        {
            throw Bad(path);
        }

        pos++;
        var field = Number(s, ref pos, path, bracketed: false);
        var repetition = 0;
        if (pos < s.Length && s[pos] == '[')
        {
            repetition = Number(s, ref pos, path, bracketed: true);
        }

        var component = 0;
        var subcomponent = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            component = Number(s, ref pos, path, bracketed: false);
        }

        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            subcomponent = Number(s, ref pos, path, bracketed: false);
        }

        if (pos != s.Length)
        {
            throw Bad(path);
        }

        return new Hl7Path(segment, occurrence, field, repetition, component, subcomponent);
    }

    private static int Number(ReadOnlySpan<char> s, ref int pos, string path, bool bracketed)
    {
        if (bracketed)
        {
            pos++;
        }

        var n = 0;
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]) && pos - start < 6)
        {
            n = (n * 10) + (s[pos] - '0');
            pos++;
        }

        if (pos == start || n == 0)
        {
            throw Bad(path);
        }

        if (bracketed)
        {
            if (pos >= s.Length || s[pos] != ']')
            {
                throw Bad(path);
            }

            pos++;
        }

        return n;
    }

    private static FormatException Bad(string path) =>
        new($"'{path}' is not an HL7 path like PID-3, PID-3[2].4.1 or OBX[2]-5.");
}
