namespace Portal.Core.Labs.Hl7;

/// <summary>
/// The delimiters a message declares in MSH-1 and MSH-2. A delimiter the sender left out of MSH-2
/// is <c>'\0'</c> (never present in accepted text, so it never splits anything).
/// </summary>
/// <param name="Field">MSH-1, usually <c>|</c>.</param>
/// <param name="Component">Usually <c>^</c>.</param>
/// <param name="Repetition">Usually <c>~</c>.</param>
/// <param name="Escape">Usually <c>\</c>.</param>
/// <param name="Subcomponent">Usually <c>&amp;</c>.</param>
public readonly record struct Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    /// <summary><c>|^~\&amp;</c>.</summary>
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as it would be written: component, repetition, escape, subcomponent (absent ones left out).</summary>
    public string EncodingCharacters
    {
        get
        {
            Span<char> chars = stackalloc char[4];
            var n = 0;
            foreach (var c in (ReadOnlySpan<char>)[Component, Repetition, Escape, Subcomponent])
            {
                if (c != '\0')
                {
                    chars[n++] = c;
                }
            }

            return new string(chars[..n]);
        }
    }
}
