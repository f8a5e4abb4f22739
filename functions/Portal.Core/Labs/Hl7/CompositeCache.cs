namespace Portal.Core.Labs.Hl7;

/// <summary>
/// Shares the immutable value read from a composite (a code, a designator) when the same raw text comes again:
/// codes, units and assigning authorities repeat from message to message. Bounded and direct-mapped; a collision
/// or a race only costs a fresh read, since an entry is replaced whole and compared by its full raw text.
/// </summary>
/// <typeparam name="T">The immutable value read from the composite.</typeparam>
internal sealed class CompositeCache<T>(Func<Hl7Element, bool, T> read)
{
    private const int Slots = 1024;
    private const int MaxLength = 160;

    private readonly Entry?[] entries = new Entry?[Slots];

    /// <summary>The value of the composite in <paramref name="e"/> (a field repetition, or a component read by <paramref name="subcomponents"/>).</summary>
    public T Get(Hl7Element e, bool subcomponents)
    {
        var parent = subcomponents ? e.Component(1, asParent: true) : e.Repetition(1);
        var message = parent.Message;
        var raw = parent.Raw;
        if (message is null || message.HasEscapes || raw.IsEmpty || raw.Length > MaxLength)
        {
            return read(e, subcomponents);
        }

        var separator = subcomponents ? message.Delimiters.Subcomponent : message.Delimiters.Component;
        var slot = Hl7Codes.Slot(raw) & (Slots - 1);
        var cached = entries[slot];
        if (cached is not null && cached.Separator == separator && raw.SequenceEqual(cached.Raw))
        {
            return cached.Value;
        }

        var value = read(e, subcomponents);
        entries[slot] = new Entry(new string(raw), separator, value);
        return value;
    }

    private sealed record Entry(string Raw, char Separator, T Value);
}
