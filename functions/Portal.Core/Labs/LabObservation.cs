namespace Portal.Core.Labs;

/// <summary>One result (HL7 OBX with its NTEs, FHIR Observation).</summary>
public sealed record LabObservation
{
    /// <summary>Set id (OBX-1).</summary>
    public string? SetId { get; init; }

    /// <summary>HL7 value type (OBX-2: NM, SN, CWE, ST …); for FHIR the v2 equivalent of value[x].</summary>
    public string? ValueType { get; init; }

    /// <summary>What was observed (OBX-3), LOINC or local.</summary>
    public LabCode Code { get; init; } = new();

    /// <summary>Sub-id (OBX-4) grouping related observations.</summary>
    public string? SubId { get; init; }

    /// <summary>Values (one per OBX-5 repetition; text types give one joined value). Empty when none was sent.</summary>
    public IReadOnlyList<LabValue> Values { get; init; } = [];

    /// <summary>The first value, or null.</summary>
    public LabValue? Value => Values.Count > 0 ? Values[0] : null;

    /// <summary>Units (OBX-6), e.g. <c>ug/dL</c> in UCUM.</summary>
    public LabCode? Units { get; init; }

    /// <summary>Reference range (OBX-7).</summary>
    public ReferenceRange? ReferenceRange { get; init; }

    /// <summary>Abnormal flags (OBX-8 repetitions).</summary>
    public IReadOnlyList<AbnormalFlag> Flags { get; init; } = [];

    /// <summary>Status (OBX-11) normalized.</summary>
    public LabResultStatus Status { get; init; }

    /// <summary>Status code as sent (OBX-11 or FHIR status).</summary>
    public string? StatusCode { get; init; }

    /// <summary>When the observation applies (OBX-14, FHIR effective[x]).</summary>
    public PartialDateTime? ObservedAt { get; init; }

    /// <summary>When it was analysed (OBX-19) or issued (FHIR issued).</summary>
    public PartialDateTime? AnalyzedAt { get; init; }

    /// <summary>Performing organization (OBX-23…25, FHIR performer).</summary>
    public LabOrganization? PerformingOrganization { get; init; }

    /// <summary>Notes (NTE-3 after the OBX, FHIR note).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
