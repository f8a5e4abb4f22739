namespace Portal.Core.Labs;

/// <summary>
/// One abnormal flag on an observation (an OBX-8 repetition, or a FHIR interpretation code);
/// both use the same code list, so the code is kept as sent and <see cref="Kind"/> interprets it.
/// </summary>
/// <param name="Code">The code as sent: <c>L</c>, <c>H</c>, <c>LL</c>, <c>HH</c>, <c>A</c>, <c>AA</c>, <c>N</c>, <c>POS</c> …</param>
public readonly record struct AbnormalFlag(string Code)
{
    /// <summary>What the code means.</summary>
    public AbnormalFlagKind Kind => Code switch
    {
        "N" => AbnormalFlagKind.Normal,
        "L" => AbnormalFlagKind.Low,
        "H" => AbnormalFlagKind.High,
        "LL" => AbnormalFlagKind.CriticallyLow,
        "HH" => AbnormalFlagKind.CriticallyHigh,
        "A" => AbnormalFlagKind.Abnormal,
        "AA" => AbnormalFlagKind.CriticallyAbnormal,
        "<" => AbnormalFlagKind.BelowScale,
        ">" => AbnormalFlagKind.AboveScale,
        "POS" => AbnormalFlagKind.Positive,
        "NEG" => AbnormalFlagKind.Negative,
        "DET" => AbnormalFlagKind.Detected,
        "ND" => AbnormalFlagKind.NotDetected,
        "S" or "R" or "I" or "MS" or "VS" => AbnormalFlagKind.Susceptibility,
        _ => AbnormalFlagKind.Other,
    };

    /// <summary>True for flags that mean "outside normal" (not N, NEG, ND or susceptibility).</summary>
    public bool IsAbnormal => Kind is not (AbnormalFlagKind.Normal or AbnormalFlagKind.Negative
        or AbnormalFlagKind.NotDetected or AbnormalFlagKind.Susceptibility or AbnormalFlagKind.Other);

    /// <summary>The code.</summary>
    public override string ToString() => Code;
}
