namespace Portal.Core.Labs;

/// <summary>
/// A reference (normal) range (OBX-7, FHIR referenceRange). Numeric forms (<c>3.5-5.0</c>, <c>&lt;9</c>,
/// <c>&gt;=60</c>) are parsed into <see cref="Low"/>/<see cref="High"/>; anything else stays in <see cref="Text"/> only.
/// </summary>
public sealed record ReferenceRange
{
    /// <summary>The range as sent (decoded), or FHIR referenceRange.text.</summary>
    public string? Text { get; init; }

    /// <summary>Lower limit, when numeric.</summary>
    public decimal? Low { get; init; }

    /// <summary>Upper limit, when numeric.</summary>
    public decimal? High { get; init; }

    /// <summary>False when the lower limit itself is outside the range (<c>&gt;5</c>).</summary>
    public bool LowInclusive { get; init; } = true;

    /// <summary>False when the upper limit itself is outside the range (<c>&lt;9</c>).</summary>
    public bool HighInclusive { get; init; } = true;

    /// <summary>True when at least one numeric limit was read.</summary>
    public bool IsNumeric => Low is not null || High is not null;
}
