namespace Portal.Core.Labs.Hl7;

/// <summary>MSA-1 acknowledgment code (original mode).</summary>
public enum Hl7AckCode
{
    /// <summary>AA: accepted.</summary>
    Accept,

    /// <summary>AE: error in the message content; the sender should fix it.</summary>
    Error,

    /// <summary>AR: rejected (unsupported type, version, processing id, or unreadable header).</summary>
    Reject,
}
