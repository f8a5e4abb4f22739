namespace Portal.Core.Labs;

/// <summary>Why a message was not read, in a machine code and a sentence for people.</summary>
/// <param name="Reason">The reason code.</param>
/// <param name="Message">What is wrong, naming the segment/field or type where known.</param>
public sealed record LabRefusal(LabRefusalReason Reason, string Message)
{
    /// <summary>Message type when it could be read (e.g. <c>ADT^A01</c>).</summary>
    public string? MessageType { get; init; }

    /// <summary>Message control id when it could be read (for MSA-2 of the ACK).</summary>
    public string? MessageControlId { get; init; }

    /// <summary>HL7 location of the problem when known, e.g. <c>OBX[2]-11</c>.</summary>
    public string? Location { get; init; }

    /// <summary>"Reason: message".</summary>
    public override string ToString() => $"{Reason}: {Message}";
}
