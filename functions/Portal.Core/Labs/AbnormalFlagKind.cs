namespace Portal.Core.Labs;

/// <summary>What an <see cref="AbnormalFlag"/> means (HL7 table 0078 = FHIR v3 ObservationInterpretation).</summary>
public enum AbnormalFlagKind
{
    /// <summary>A code not in this list; read <see cref="AbnormalFlag.Code"/>.</summary>
    Other,

    /// <summary><c>N</c>: normal.</summary>
    Normal,

    /// <summary><c>L</c>: below low normal.</summary>
    Low,

    /// <summary><c>H</c>: above high normal.</summary>
    High,

    /// <summary><c>LL</c>: below lower panic limit.</summary>
    CriticallyLow,

    /// <summary><c>HH</c>: above upper panic limit.</summary>
    CriticallyHigh,

    /// <summary><c>A</c>: abnormal (non-numeric results).</summary>
    Abnormal,

    /// <summary><c>AA</c>: critically abnormal.</summary>
    CriticallyAbnormal,

    /// <summary><c>&lt;</c>: below absolute low-off instrument scale.</summary>
    BelowScale,

    /// <summary><c>&gt;</c>: above absolute high-off instrument scale.</summary>
    AboveScale,

    /// <summary><c>POS</c>: positive.</summary>
    Positive,

    /// <summary><c>NEG</c>: negative.</summary>
    Negative,

    /// <summary><c>DET</c>: detected.</summary>
    Detected,

    /// <summary><c>ND</c>: not detected.</summary>
    NotDetected,

    /// <summary><c>S</c>, <c>R</c>, <c>I</c>: susceptible, resistant, intermediate (microbiology).</summary>
    Susceptibility,
}
