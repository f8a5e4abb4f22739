using System.Runtime.CompilerServices;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// The components (or subcomponents) of one element, found in a single pass, so that reading several of them
/// (a CWE's code, text and system …) does not scan the element again for each. Positions are 1-based;
/// parts past <see cref="Capacity"/> fall back to <see cref="Hl7Element.Component(int)"/>.
/// </summary>
internal ref struct Hl7Parts
{
    public const int Capacity = 12;

    private readonly Hl7Element _parent;
    private readonly bool _subcomponents;
    private PartBuffer _parts;
    private readonly int _count;

    public Hl7Parts(Hl7Element parent, bool subcomponents)
    {
        _subcomponents = subcomponents;
        _parent = subcomponents ? parent.Component(1, asParent: true) : parent.Repetition(1);
        var message = _parent.Message;
        if (message is null || _parent.IsEmpty)
        {
            return;
        }

        var separator = subcomponents ? message.Delimiters.Subcomponent : message.Delimiters.Component;
        var raw = _parent.Raw;
        var start = 0;
        var count = 0;
        var i = 0;
        if (separator != '\0')
        {
            for (; i < raw.Length; i++)
            {
                if (raw[i] == separator)
                {
                    _parts[count++] = new FieldSpan(start, i - start);
                    start = i + 1;
                    if (count == Capacity)
                    {
                        break;
                    }
                }
            }
        }

        if (count < Capacity)
        {
            _parts[count++] = new FieldSpan(start, raw.Length - start);
        }

        _count = count;
    }

    /// <summary>Part <paramref name="number"/> (1-based), or empty.</summary>
    public readonly Hl7Element this[int number]
    {
        get
        {
            if (number < 1)
            {
                return default;
            }

            if (number <= _count)
            {
                var part = _parts[number - 1];
                return _parent.Slice(part.Start, part.Length, _subcomponents ? Hl7Element.LevelSubcomponent : Hl7Element.LevelComponent);
            }

            return _count == Capacity
                ? (_subcomponents ? _parent.Subcomponent(number) : _parent.Component(number))
                : default;
        }
    }

    [InlineArray(Capacity)]
    private struct PartBuffer
    {
        private FieldSpan _element;
    }
}
