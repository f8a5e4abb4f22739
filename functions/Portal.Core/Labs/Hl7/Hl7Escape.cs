using System.Buffers;
using System.Text;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// HL7 v2 escape sequences: <c>\F\ \S\ \T\ \R\ \E\</c> (delimiters), <c>\X..\</c> (hex bytes),
/// <c>\.br\</c> (line break), <c>\H\ \N\</c> (highlighting, dropped). Unknown or unterminated sequences are kept as sent.
/// </summary>
public static class Hl7Escape
{
    /// <summary>Decodes the escape sequences of a raw value.</summary>
    /// <param name="raw">The value as it appears in the message.</param>
    /// <param name="delimiters">The message's delimiters.</param>
    /// <returns>The decoded text.</returns>
    public static string Decode(ReadOnlySpan<char> raw, Hl7Delimiters delimiters)
    {
        var esc = delimiters.Escape;
        if (esc == '\0' || raw.IndexOf(esc) < 0)
        {
            return new string(raw);
        }

        // Decoding never makes a value longer.
        char[]? rented = null;
        var buffer = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var n = DecodeInto(raw, delimiters, buffer);
            return new string(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static int DecodeInto(ReadOnlySpan<char> raw, Hl7Delimiters d, Span<char> output)
    {
        var esc = d.Escape;
        var n = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf(esc);
            if (next < 0)
            {
                raw[i..].CopyTo(output[n..]);
                n += raw.Length - i;
                break;
            }

            raw.Slice(i, next).CopyTo(output[n..]);
            n += next;
            var start = i + next + 1;
            var close = raw[start..].IndexOf(esc);
            if (close < 0)
            {
                // Unterminated: keep the rest literally.
                raw[(start - 1)..].CopyTo(output[n..]);
                n += raw.Length - start + 1;
                break;
            }

            var seq = raw.Slice(start, close);
            var written = DecodeSequence(seq, d, output[n..]);
            if (written < 0)
            {
                // Unknown: keep \seq\ as sent.
                raw.Slice(start - 1, close + 2).CopyTo(output[n..]);
                n += close + 2;
            }
            else
            {
                n += written;
            }

            i = start + close + 1;
        }

        return n;
    }

    /// <summary>Writes the meaning of one sequence (between escape characters); -1 when unknown.</summary>
    private static int DecodeSequence(ReadOnlySpan<char> seq, Hl7Delimiters d, Span<char> output)
    {
        if (seq.Length == 1)
        {
            var c = seq[0] switch
            {
                'F' => d.Field,
                'S' => d.Component,
                'T' => d.Subcomponent,
                'R' => d.Repetition,
                'E' => d.Escape,
                'H' or 'N' => '\0',
                _ => '\u0001',
            };
            if (c == '\u0001')
            {
                return -1;
            }

            if (c == '\0')
            {
                return 0;
            }

            output[0] = c;
            return 1;
        }

        if (seq.Length == 0)
        {
            return -1;
        }

        switch (seq[0])
        {
            case 'X':
                return DecodeHex(seq[1..], output);
            case '.':
                var cmd = seq[1..];
                if (cmd.SequenceEqual("br") || cmd.StartsWith("sp"))
                {
                    output[0] = '\n';
                    return 1;
                }

                // Other formatting commands (.in .ti .sk .ce .fi .nf) carry no text.
                return cmd.Length is >= 2 and <= 6 ? 0 : -1;
            case 'C' or 'M' or 'Z':
                // Character-set switches and locally defined escapes carry no text of their own.
                return 0;
            default:
                return -1;
        }
    }

    private static int DecodeHex(ReadOnlySpan<char> hex, Span<char> output)
    {
        if (hex.Length == 0 || hex.Length % 2 != 0)
        {
            return -1;
        }

        Span<byte> bytes = hex.Length <= 512 ? stackalloc byte[hex.Length / 2] : new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            var hi = HexValue(hex[2 * i]);
            var lo = HexValue(hex[(2 * i) + 1]);
            if (hi < 0 || lo < 0)
            {
                return -1;
            }

            bytes[i] = (byte)((hi << 4) | lo);
        }

        // Bytes that form valid UTF-8 are read as UTF-8, others as Latin-1 (one char per byte):
        // either way no more chars than the 3+ characters of the sequence they replace.
        return System.Text.Unicode.Utf8.IsValid(bytes)
            ? Encoding.UTF8.GetChars(bytes, output)
            : Encoding.Latin1.GetChars(bytes, output);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Escapes text for writing into an HL7 value: delimiters become <c>\F\ \S\ \T\ \R\ \E\</c>, line breaks <c>\.br\</c>.</summary>
    /// <param name="text">Plain text.</param>
    /// <param name="delimiters">The delimiters of the message being written.</param>
    /// <returns>The escaped value.</returns>
    public static string Encode(string? text, Hl7Delimiters delimiters)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var d = delimiters;
        var needs = false;
        foreach (var c in text)
        {
            if (IsSpecial(c, d))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var esc = d.Escape == '\0' ? '\\' : d.Escape;
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == d.Field)
            {
                sb.Append(esc).Append('F').Append(esc);
            }
            else if (c == d.Component && c != '\0')
            {
                sb.Append(esc).Append('S').Append(esc);
            }
            else if (c == d.Subcomponent && c != '\0')
            {
                sb.Append(esc).Append('T').Append(esc);
            }
            else if (c == d.Repetition && c != '\0')
            {
                sb.Append(esc).Append('R').Append(esc);
            }
            else if (c == esc)
            {
                sb.Append(esc).Append('E').Append(esc);
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // CRLF is one line break.
            }
            else if (c is '\n' or '\r')
            {
                sb.Append(esc).Append(".br").Append(esc);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsSpecial(char c, Hl7Delimiters d) =>
        c is '\r' or '\n' || c == d.Field || c == d.Escape || c == '\\'
        || (c != '\0' && (c == d.Component || c == d.Subcomponent || c == d.Repetition));
}
