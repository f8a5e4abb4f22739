namespace Portal.Core.Labs.Results;

/// <summary>One stored observation of a result version, flattened for reading and trends.</summary>
/// <param name="Sequence">Position in the report, from 1.</param>
/// <param name="Loinc">LOINC code, when the lab sent one.</param>
/// <param name="Code">The primary code as sent.</param>
/// <param name="Name">What was measured, as the lab names it.</param>
/// <param name="ValueType">HL7 value type (NM, SN, ST, CWE …).</param>
/// <param name="Value">The value as text for people (<c>&gt;11.0</c>, <c>1:128</c>, <c>Campylobacter jejuni</c>).</param>
/// <param name="Number">The number, for numeric values.</param>
/// <param name="Comparator"><c>&lt;</c>, <c>&gt;</c> … when the number is a bound.</param>
/// <param name="Unit">Unit (UCUM where the lab uses it).</param>
/// <param name="Range">The reference range as sent.</param>
/// <param name="RangeLow">Lower numeric limit.</param>
/// <param name="RangeHigh">Upper numeric limit.</param>
/// <param name="FlagCodes">The lab's flags as sent (H, L, HH …).</param>
/// <param name="Flags">The flags for patients.</param>
/// <param name="Status">The observation's status.</param>
/// <param name="ObservedAt">When it applies.</param>
/// <param name="PerformingLab">The lab that performed it, when named.</param>
/// <param name="Notes">The lab's notes on it.</param>
public sealed record ResultObservation(
    int Sequence,
    string? Loinc,
    string? Code,
    string Name,
    string? ValueType,
    string? Value,
    decimal? Number,
    string? Comparator,
    string? Unit,
    string? Range,
    decimal? RangeLow,
    decimal? RangeHigh,
    IReadOnlyList<string> FlagCodes,
    IReadOnlyList<ResultFlag> Flags,
    LabResultStatus Status,
    DateTimeOffset? ObservedAt,
    string? PerformingLab,
    IReadOnlyList<string> Notes);
