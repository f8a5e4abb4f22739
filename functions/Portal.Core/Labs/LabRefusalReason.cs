namespace Portal.Core.Labs;

/// <summary>Why a lab message was refused.</summary>
public enum LabRefusalReason
{
    /// <summary>No content.</summary>
    Empty,

    /// <summary>Larger than <see cref="LabReaderOptions.MaxMessageBytes"/>.</summary>
    TooLarge,

    /// <summary>Control characters or undecodable bytes: not a text message.</summary>
    BinaryContent,

    /// <summary>Does not start with an MSH segment.</summary>
    MissingHeader,

    /// <summary>MSH-1/MSH-2 do not declare a usable, distinct set of delimiters.</summary>
    InvalidDelimiters,

    /// <summary>A segment is malformed (bad segment id, segment out of place).</summary>
    MalformedSegment,

    /// <summary>The message ends inside a segment or misses its end.</summary>
    Truncated,

    /// <summary>A field the message cannot be used without is missing.</summary>
    MissingRequiredField,

    /// <summary>A segment the message type requires is missing (e.g. no OBR in an ORU^R01).</summary>
    MissingRequiredSegment,

    /// <summary>Not an ORU^R01 (e.g. ADT^A01); the refusal names the type.</summary>
    UnsupportedMessageType,

    /// <summary>FHIR content that does not parse or is not valid R4.</summary>
    InvalidFhir,

    /// <summary>A FHIR Bundle without a DiagnosticReport.</summary>
    NoDiagnosticReport,

    /// <summary>An unexpected failure inside the reader (a bug); the message may be retried after a fix.</summary>
    InternalError,
}
