using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// Records where every segment and field starts and ends, in two tight passes: a vector pass finds the field
/// separator, CR and LF 16 (AVX2) or 8 (SSE2/NEON) characters at a time and writes their positions; a scalar pass
/// turns positions into fields and segments. Scratch buffers are reused per thread.
/// </summary>
internal static class Hl7Indexer
{
    private const int KeepLimit = 1 << 16;

    /// <summary>Set on positions of CR/LF (and the end), clear on field separators.</summary>
    private const int TerminatorBit = int.MinValue;

    /// <summary>This thread's scratch buffers (one thread-static, read once per message).</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>The index; with <c>Borrowed</c>, the arrays are this thread's scratch buffers (longer than the counts) until <see cref="Release"/>.</summary>
    public readonly record struct Result(FieldSpan[] Fields, SegmentSpan[] Segments, int SegmentCount, bool Borrowed);

    /// <summary>Gives borrowed scratch buffers back to this thread (unless a huge message made them huge).</summary>
    public static void Release(FieldSpan[] fields, SegmentSpan[] segments)
    {
        var scratch = t_scratch ??= new Scratch();
        if (fields.Length <= KeepLimit)
        {
            scratch.Fields = fields;
        }

        if (segments.Length <= KeepLimit)
        {
            scratch.Segments = segments;
        }
    }

    /// <summary>
    /// Indexes <paramref name="span"/>, which starts at <paramref name="offset"/> in the message text. With
    /// <paramref name="borrow"/> the result uses this thread's scratch buffers (no allocation) and must be released.
    /// </summary>
    public static Result Index(ReadOnlySpan<char> span, int offset, char field, bool borrow)
    {
        var length = span.Length;

        var scratch = t_scratch ??= new Scratch();

        // Every delimiter position, plus the end of the text.
        var positions = scratch.Positions;
        if (positions is null || positions.Length < length + 1)
        {
            positions = new int[Math.Max(length + 1, 1024)];
            if (positions.Length <= KeepLimit)
            {
                scratch.Positions = positions;
            }
        }

        var count = FindDelimiters(span, field, positions);
        positions[count++] = length | TerminatorBit;

        var fields = scratch.Fields;
        if (fields is null || fields.Length < count)
        {
            fields = new FieldSpan[Math.Max(count, 512)];
        }

        var segments = scratch.Segments;
        if (segments is null || segments.Length < count)
        {
            segments = new SegmentSpan[Math.Max(count, 64)];
        }

        // Lent out until Release: a message parsed meanwhile on this thread gets its own buffers.
        scratch.Fields = null;
        scratch.Segments = null;

        var fieldCount = 0;
        var segmentCount = 0;
        var segmentStart = 0;
        var segmentFirstField = 0;
        var fieldStart = 0;
        for (var k = 0; k < count; k++)
        {
            var entry = positions[k];
            var p = entry & ~TerminatorBit;
            if (entry >= 0)
            {
                fields[fieldCount++] = new FieldSpan(offset + fieldStart, p - fieldStart);
                fieldStart = p + 1;
                continue;
            }

            if (p > segmentStart)
            {
                fields[fieldCount++] = new FieldSpan(offset + fieldStart, p - fieldStart);
                segments[segmentCount++] = new SegmentSpan(offset + segmentStart, p - segmentStart, segmentFirstField, fieldCount - segmentFirstField);
            }

            segmentStart = fieldStart = p + 1;
            segmentFirstField = fieldCount;
        }

        if (borrow)
        {
            return new Result(fields, segments, segmentCount, Borrowed: true);
        }

        var result = new Result(fields.AsSpan(0, fieldCount).ToArray(), segments.AsSpan(0, segmentCount).ToArray(), segmentCount, Borrowed: false);
        Release(fields, segments);
        return result;
    }

    private sealed class Scratch
    {
        public int[]? Positions;
        public FieldSpan[]? Fields;
        public SegmentSpan[]? Segments;
    }

    /// <summary>
    /// Writes the positions of <paramref name="field"/>, CR and LF into <paramref name="positions"/> (long enough for all),
    /// CR/LF with <see cref="TerminatorBit"/> set.
    /// </summary>
    private static int FindDelimiters(ReadOnlySpan<char> span, char field, int[] positions)
    {
        ref var start = ref MemoryMarshal.GetReference(span);
        ref var output = ref MemoryMarshal.GetArrayDataReference(positions);
        var length = span.Length;
        var n = 0;
        var i = 0;

        if (Vector256.IsHardwareAccelerated && length >= Vector256<ushort>.Count)
        {
            var vf = Vector256.Create((ushort)field);
            var vcr = Vector256.Create((ushort)'\r');
            var vlf = Vector256.Create((ushort)'\n');
            ref var u = ref Unsafe.As<char, ushort>(ref start);
            for (; i <= length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var v = Vector256.LoadUnsafe(ref u, (nuint)i);
                var terminators = (Vector256.Equals(v, vcr) | Vector256.Equals(v, vlf)).ExtractMostSignificantBits();
                var mask = Vector256.Equals(v, vf).ExtractMostSignificantBits() | terminators;
                while (mask != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(mask);
                    Unsafe.Add(ref output, n++) = (i + bit) | (int)((terminators >> bit) << 31);
                    mask &= mask - 1;
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<ushort>.Count)
        {
            var vf = Vector128.Create((ushort)field);
            var vcr = Vector128.Create((ushort)'\r');
            var vlf = Vector128.Create((ushort)'\n');
            ref var u = ref Unsafe.As<char, ushort>(ref start);
            for (; i <= length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref u, (nuint)i);
                var terminators = (Vector128.Equals(v, vcr) | Vector128.Equals(v, vlf)).ExtractMostSignificantBits();
                var mask = Vector128.Equals(v, vf).ExtractMostSignificantBits() | terminators;
                while (mask != 0)
                {
                    var bit = BitOperations.TrailingZeroCount(mask);
                    Unsafe.Add(ref output, n++) = (i + bit) | (int)((terminators >> bit) << 31);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < length; i++)
        {
            var c = Unsafe.Add(ref start, i);
            if (c == field)
            {
                Unsafe.Add(ref output, n++) = i;
            }
            else if (c is '\r' or '\n')
            {
                Unsafe.Add(ref output, n++) = i | TerminatorBit;
            }
        }

        return n;
    }
}
