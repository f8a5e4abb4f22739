namespace Portal.Core.Labs;

/// <summary>
/// An observation's value, by type. Pattern-match on the subtypes:
/// <see cref="LabQuantityValue"/> (NM, SN with one number, FHIR Quantity),
/// <see cref="LabRatioValue"/> (SN <c>^1^:^128</c>, FHIR Ratio), <see cref="LabRangeValue"/> (SN <c>^10^-^20</c>, FHIR Range),
/// <see cref="LabCodedValue"/> (CE/CWE, FHIR CodeableConcept), <see cref="LabTextValue"/> (ST/TX/FT, FHIR string,
/// and any value that did not parse as its declared type), <see cref="LabDateTimeValue"/> (DT/TS/DTM, FHIR dateTime).
/// </summary>
public abstract record LabValue;

/// <summary>A number, possibly with a comparator (<c>&gt;11.0</c>).</summary>
/// <param name="Value">The number.</param>
/// <param name="Comparator"><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>=</c>, <c>&lt;&gt;</c>, or null.</param>
public sealed record LabQuantityValue(decimal Value, string? Comparator = null) : LabValue;

/// <summary>A ratio such as a titre <c>1:128</c>.</summary>
/// <param name="Numerator">Left number.</param>
/// <param name="Denominator">Right number.</param>
/// <param name="Comparator">Comparator, if any.</param>
/// <param name="Separator">The SN separator as sent: <c>:</c> or <c>/</c>.</param>
public sealed record LabRatioValue(decimal? Numerator, decimal? Denominator, string? Comparator = null, string Separator = ":") : LabValue;

/// <summary>A range such as <c>10-20</c>.</summary>
/// <param name="Low">Lower number.</param>
/// <param name="High">Upper number.</param>
public sealed record LabRangeValue(decimal? Low, decimal? High) : LabValue;

/// <summary>A coded result, e.g. an organism identified.</summary>
/// <param name="Code">The code.</param>
public sealed record LabCodedValue(LabCode Code) : LabValue;

/// <summary>Text (repetitions of ST/TX/FT joined by line breaks).</summary>
/// <param name="Text">The text, escapes decoded.</param>
public sealed record LabTextValue(string Text) : LabValue;

/// <summary>A date or time result.</summary>
/// <param name="Time">The time at the precision sent.</param>
public sealed record LabDateTimeValue(PartialDateTime Time) : LabValue;
