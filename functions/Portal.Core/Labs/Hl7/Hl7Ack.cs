using System.Globalization;
using System.Text;

namespace Portal.Core.Labs.Hl7;

/// <summary>
/// Builds the HL7 v2 acknowledgment (ACK) for an incoming message: MSH built from the incoming one
/// (sender and receiver swapped, same delimiters and version), <c>MSA</c> with AA/AE/AR and MSA-2 = incoming MSH-10,
/// and for AE/AR an <c>ERR</c> segment carrying the reason. Segments end with CR.
/// </summary>
public static class Hl7Ack
{
    /// <summary>Builds the ACK for the outcome of reading a message: AA on success, AE or AR with the refusal's reason otherwise.</summary>
    /// <param name="incoming">The message as received (text), even if it was refused.</param>
    /// <param name="result">What the reader returned.</param>
    /// <param name="controlId">MSH-10 of the ACK; null for a new random id.</param>
    /// <param name="timestamp">MSH-7 of the ACK; null for now.</param>
    /// <returns>The ACK message text.</returns>
    public static string ForResult(string? incoming, LabReadResult result, string? controlId = null, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsSuccess)
        {
            return Build(incoming, Hl7AckCode.Accept, null, controlId, timestamp);
        }

        var code = result.Refusal.Reason switch
        {
            LabRefusalReason.MissingRequiredField or LabRefusalReason.MissingRequiredSegment
                or LabRefusalReason.MalformedSegment or LabRefusalReason.Truncated
                or LabRefusalReason.InternalError => Hl7AckCode.Error,
            _ => Hl7AckCode.Reject,
        };
        return Build(incoming, code, result.Refusal, controlId, timestamp);
    }

    /// <summary>Builds an ACK.</summary>
    /// <param name="incoming">The message as received; when its MSH cannot be read the ACK uses default delimiters, version 2.5.1 and an empty MSA-2.</param>
    /// <param name="code">AA, AE or AR.</param>
    /// <param name="refusal">The reason for AE/AR (ERR segment and MSA-3); ignored for AA.</param>
    /// <param name="controlId">MSH-10 of the ACK; null for a new random id.</param>
    /// <param name="timestamp">MSH-7 of the ACK; null for now.</param>
    /// <returns>The ACK message text.</returns>
    public static string Build(string? incoming, Hl7AckCode code, LabRefusal? refusal = null, string? controlId = null, DateTimeOffset? timestamp = null)
    {
        Hl7Message? message = null;
        if (incoming is not null)
        {
            // Only the header matters: parse just MSH so that even a refused body gets a correct ACK.
            var end = incoming.AsSpan().IndexOfAny('\r', '\n');
            var header = end < 0 ? incoming : incoming[..end];
            if (header.Length > LabReaderOptions.DefaultMaxMessageBytes)
            {
                header = string.Empty;
            }

            Hl7Message.TryParse(header, out message, out _);
        }

        return Build(message, code, refusal, controlId, timestamp);
    }

    /// <summary>Builds an ACK for a parsed message.</summary>
    /// <param name="incoming">The parsed message, or null when its header could not be read.</param>
    /// <param name="code">AA, AE or AR.</param>
    /// <param name="refusal">The reason for AE/AR; ignored for AA.</param>
    /// <param name="controlId">MSH-10 of the ACK; null for a new random id.</param>
    /// <param name="timestamp">MSH-7 of the ACK; null for now.</param>
    /// <returns>The ACK message text.</returns>
    public static string Build(Hl7Message? incoming, Hl7AckCode code, LabRefusal? refusal = null, string? controlId = null, DateTimeOffset? timestamp = null)
    {
        var d = incoming?.Delimiters ?? Hl7Delimiters.Default;
        var f = d.Field;
        var msh = incoming?.Header;
        var now = timestamp ?? DateTimeOffset.UtcNow;
        controlId ??= Guid.NewGuid().ToString("N")[..20];

        string Raw(int n) => msh is { } h ? h.Field(n).Raw.ToString() : string.Empty;

        var version = msh is { } m && m.Field(12).HasValue ? Raw(12) : "2.5.1";
        var trigger = msh is { } t ? t.Field(9).Component(2).Raw.ToString() : string.Empty;
        var incomingControlId = msh is { } c ? c.Field(10).Raw.ToString() : (refusal?.MessageControlId is { } r ? Hl7Escape.Encode(r, d) : string.Empty);
        var encoding = msh is { } e ? e.Field(2).Raw.ToString() : d.EncodingCharacters;
        var processingId = msh is { } p && p.Field(11).HasValue ? Raw(11) : "P";

        var sb = new StringBuilder(256);
        sb.Append("MSH").Append(f).Append(encoding)
            .Append(f).Append(Raw(5)).Append(f).Append(Raw(6))
            .Append(f).Append(Raw(3)).Append(f).Append(Raw(4))
            .Append(f).Append(now.ToString("yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal))
            .Append(f)
            .Append(f).Append("ACK").Append(d.Component).Append(trigger).Append(d.Component).Append("ACK")
            .Append(f).Append(Hl7Escape.Encode(controlId, d))
            .Append(f).Append(processingId)
            .Append(f).Append(version)
            .Append('\r');

        var ackCode = code switch
        {
            Hl7AckCode.Accept => "AA",
            Hl7AckCode.Error => "AE",
            _ => "AR",
        };
        sb.Append("MSA").Append(f).Append(ackCode).Append(f).Append(incomingControlId);
        if (code != Hl7AckCode.Accept && refusal is not null)
        {
            sb.Append(f).Append(Hl7Escape.Encode(Shorten(refusal.Message, 80), d));
        }

        sb.Append('\r');

        if (code != Hl7AckCode.Accept)
        {
            var (errorCode, errorText) = ErrorCode(refusal?.Reason);
            sb.Append("ERR").Append(f)
                .Append(f).Append(Location(refusal?.Location, d))
                .Append(f).Append(errorCode).Append(d.Component).Append(errorText).Append(d.Component).Append("HL70357")
                .Append(f).Append('E')
                .Append(f).Append(f).Append(f)
                .Append(f).Append(Hl7Escape.Encode(refusal?.Message ?? "The message was not accepted.", d))
                .Append('\r');
        }

        return sb.ToString();
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>ERR-2 (ERL): segment id^sequence^field, from a location like <c>OBX[2]-11</c>.</summary>
    private static string Location(string? location, Hl7Delimiters d)
    {
        if (location is null || location.Length < 3 || !char.IsAsciiLetterUpper(location[0]))
        {
            return string.Empty;
        }

        var segment = location[..3];
        var rest = location.AsSpan(3);
        var sequence = "1";
        if (rest.StartsWith("[") && rest.IndexOf(']') is var close and > 1)
        {
            sequence = rest[1..close].ToString();
            rest = rest[(close + 1)..];
        }

        var field = rest.StartsWith("-") ? rest[1..].ToString() : string.Empty;
        return string.Concat(segment, d.Component.ToString(), sequence, d.Component.ToString(), field);
    }

    /// <summary>HL7 table 0357 message error condition codes.</summary>
    private static (string Code, string Text) ErrorCode(LabRefusalReason? reason) => reason switch
    {
        LabRefusalReason.MalformedSegment or LabRefusalReason.Truncated => ("100", "Segment sequence error"),
        LabRefusalReason.MissingRequiredField or LabRefusalReason.MissingRequiredSegment => ("101", "Required field missing"),
        LabRefusalReason.InvalidDelimiters or LabRefusalReason.BinaryContent or LabRefusalReason.MissingHeader
            or LabRefusalReason.Empty or LabRefusalReason.TooLarge => ("102", "Data type error"),
        LabRefusalReason.UnsupportedMessageType => ("200", "Unsupported message type"),
        _ => ("207", "Application internal error"),
    };
}
