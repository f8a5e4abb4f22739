namespace Portal.Core.Labs.Ingestion;

/// <summary>The labs that send results (section <c>Labs</c>).</summary>
public sealed class LabsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Labs";

    /// <summary>Each sending lab by a short name of the clinic's choice (e.g. <c>Labs:Senders:quest:Facility</c>).</summary>
    public Dictionary<string, LabSender> Senders { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One lab connection.</summary>
public sealed class LabSender
{
    /// <summary>
    /// How the lab names itself: HL7 MSH-4 (its namespace id or universal id, e.g. a CLIA number), or for FHIR the
    /// MessageHeader.source endpoint or the Bundle.identifier system.
    /// </summary>
    public string Facility { get; set; } = "";

    /// <summary>
    /// The assigning authority of the clinic's MRN in this lab's patient identifiers: HL7 PID-3's CX.4 (namespace id or
    /// universal id), or for FHIR the Patient.identifier system. Only identifiers from it are looked up.
    /// </summary>
    public string MrnAuthority { get; set; } = "";

    /// <summary>The IANA zone of the lab's clock, for times sent without an offset; empty: the clinic's zone.</summary>
    public string TimeZone { get; set; } = "";
}
