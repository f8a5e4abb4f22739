using System.Numerics;
using System.Runtime.InteropServices;

namespace Portal.Core.Labs.Hl7;

/// <summary>Short table codes as shared strings, so that common codes cost no allocation per message.</summary>
internal static class Hl7Codes
{
    public static string? Intern(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        return e.Raw switch
        {
            "F" => "F",
            "P" => "P",
            "C" => "C",
            "X" => "X",
            "R" => "R",
            "I" => "I",
            "A" => "A",
            "N" => "N",
            "L" => "L",
            "H" => "H",
            "LL" => "LL",
            "HH" => "HH",
            "AA" => "AA",
            "NM" => "NM",
            "SN" => "SN",
            "ST" => "ST",
            "TX" => "TX",
            "FT" => "FT",
            "CE" => "CE",
            "CWE" => "CWE",
            "DT" => "DT",
            "TS" => "TS",
            "DTM" => "DTM",
            "POS" => "POS",
            "NEG" => "NEG",
            "M" => "M",
            "U" => "U",
            "LN" => "LN",
            "1" => "1",
            "2" => "2",
            "3" => "3",
            _ => Shared(e),
        };
    }

    private const int SharedSlots = 4096;
    private const int SharedMaxLength = 64;

    private static readonly string?[] s_shared = new string?[SharedSlots];

    /// <summary>
    /// The decoded value of a short element that repeats from message to message (coding systems, units, code
    /// texts, assigning authorities, lab names): equal text gives a string shared through a small, bounded
    /// direct-mapped cache instead of a new one. Values with escape sequences or longer ones are decoded as usual.
    /// </summary>
    public static string? Shared(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        var message = e.Message!;
        var raw = e.Raw;
        if (raw.Length > SharedMaxLength || message.HasEscapes)
        {
            return e.Value;
        }

        var slot = Slot(raw);
        var table = s_shared;
        var cached = table[slot];
        if (cached is not null && raw.SequenceEqual(cached))
        {
            return cached;
        }

        var text = new string(raw);
        table[slot] = text;
        return text;
    }

    /// <summary>A cheap hash of the length and the first and last four characters (a collision only costs a new string).</summary>
    internal static int Slot(ReadOnlySpan<char> raw)
    {
        ulong key;
        if (raw.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(raw);
            key = MemoryMarshal.Read<ulong>(bytes) ^ BitOperations.RotateLeft(MemoryMarshal.Read<ulong>(bytes[^8..]), 29);
        }
        else
        {
            key = 0;
            foreach (var c in raw)
            {
                key = (key << 16) | c;
            }
        }

        key = (key ^ (ulong)raw.Length) * 0x9E3779B97F4A7C15UL;
        return (int)(key >> 52) & (SharedSlots - 1);
    }
}
