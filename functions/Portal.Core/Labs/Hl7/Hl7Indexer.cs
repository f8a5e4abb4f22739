using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// One pass over the message that records where every segment and field starts and ends. The search for the
/// field separator, CR and LF runs 16 (AVX2) or 8 (SSE2/NEON) characters at a time and walks the match bits,
/// so the cost is about one vector compare per 16 characters plus one step per delimiter found.
/// </summary>
internal static class Hl7Indexer
{
    [ThreadStatic]
    private static FieldSpan[]? t_fields;

    [ThreadStatic]
    private static SegmentSpan[]? t_segments;

    /// <summary>The index; with <c>Borrowed</c>, the arrays are this thread's scratch buffers (longer than the counts) until <see cref="Release"/>.</summary>
    public readonly record struct Result(FieldSpan[] Fields, SegmentSpan[] Segments, int SegmentCount, bool Borrowed);

    /// <summary>Gives borrowed scratch buffers back to this thread.</summary>
    public static void Release(FieldSpan[] fields, SegmentSpan[] segments)
    {
        // Keep them for the next message on this thread, unless a huge message made them huge.
        if (fields.Length <= 65536)
        {
            t_fields = fields;
        }

        if (segments.Length <= 8192)
        {
            t_segments = segments;
        }
    }

    /// <summary>
    /// Indexes <paramref name="span"/>, which starts at <paramref name="offset"/> in the message text. With
    /// <paramref name="borrow"/> the result uses this thread's scratch buffers (no allocation) and must be released.
    /// </summary>
    public static Result Index(ReadOnlySpan<char> span, int offset, char field, bool borrow)
    {
        var fields = t_fields ?? new FieldSpan[512];
        var segments = t_segments ?? new SegmentSpan[64];
        t_fields = null;
        t_segments = null;
        var builder = new Builder(fields, segments, offset);

        ref var start = ref MemoryMarshal.GetReference(span);
        var length = span.Length;
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
                var mask = (Vector256.Equals(v, vf) | Vector256.Equals(v, vcr) | Vector256.Equals(v, vlf)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var p = i + BitOperations.TrailingZeroCount(mask);
                    builder.Delimiter(p, Unsafe.Add(ref start, p) == field);
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
                var mask = (Vector128.Equals(v, vf) | Vector128.Equals(v, vcr) | Vector128.Equals(v, vlf)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var p = i + BitOperations.TrailingZeroCount(mask);
                    builder.Delimiter(p, Unsafe.Add(ref start, p) == field);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < length; i++)
        {
            var c = Unsafe.Add(ref start, i);
            if (c == field)
            {
                builder.Delimiter(i, true);
            }
            else if (c is '\r' or '\n')
            {
                builder.Delimiter(i, false);
            }
        }

        builder.Delimiter(length, false);
        if (borrow)
        {
            return new Result(builder.Fields, builder.Segments, builder.SegmentCount, Borrowed: true);
        }

        var result = new Result(builder.Fields[..builder.FieldCount].ToArray(), builder.Segments[..builder.SegmentCount].ToArray(), builder.SegmentCount, Borrowed: false);
        Release(builder.Fields, builder.Segments);
        return result;
    }

    private struct Builder(FieldSpan[] fields, SegmentSpan[] segments, int offset)
    {
        public FieldSpan[] Fields = fields;
        public SegmentSpan[] Segments = segments;
        public int FieldCount;
        public int SegmentCount;
        private int _segmentStart;
        private int _segmentFirstField;
        private int _fieldStart;

        /// <summary>A field separator (<paramref name="isField"/>) or a segment terminator at position <paramref name="p"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Delimiter(int p, bool isField)
        {
            if (isField)
            {
                AddField(p);
                return;
            }

            if (p > _segmentStart)
            {
                AddField(p);
                AddSegment(p);
            }

            _segmentStart = _fieldStart = p + 1;
            _segmentFirstField = FieldCount;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AddField(int p)
        {
            if (FieldCount == Fields.Length)
            {
                Array.Resize(ref Fields, Fields.Length * 2);
            }

            Fields[FieldCount++] = new FieldSpan(offset + _fieldStart, p - _fieldStart);
            _fieldStart = p + 1;
        }

        private void AddSegment(int end)
        {
            if (SegmentCount == Segments.Length)
            {
                Array.Resize(ref Segments, Segments.Length * 2);
            }

            Segments[SegmentCount++] = new SegmentSpan(offset + _segmentStart, end - _segmentStart, _segmentFirstField, FieldCount - _segmentFirstField);
        }
    }
}
