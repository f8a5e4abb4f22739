namespace Portal.Core.Record;

/// <summary>
/// One vital-sign measurement (FHIR <c>Observation</c> in category <c>vital-signs</c>): one value for most kinds,
/// two for blood pressure (systolic and diastolic, each with its own LOINC code).
/// </summary>
/// <param name="Kind">What was measured; its LOINC code is <see cref="VitalKinds.Loinc"/>.</param>
/// <param name="Name">The measurement as people read it (<c>Blood pressure</c>).</param>
/// <param name="TakenAt">When: FHIR date or dateTime.</param>
/// <param name="Values">The values with their UCUM units; blood pressure has systolic then diastolic.</param>
/// <param name="Codes">The measurement's codes as sent (the kind's LOINC code first).</param>
/// <param name="Performer">Who measured it, as people read it, if sent.</param>
public sealed record VitalSign(
    VitalKind Kind,
    string Name,
    string TakenAt,
    IReadOnlyList<VitalValue> Values,
    IReadOnlyList<RecordCode> Codes,
    string? Performer = null);

/// <summary>One value of a vital sign.</summary>
/// <param name="Code">The value's LOINC code (the component's for blood pressure, else the kind's).</param>
/// <param name="Name">The value as people read it (<c>Systolic</c>, <c>Heart rate</c>).</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">The UCUM unit code (<c>mm[Hg]</c>, <c>/min</c>, <c>kg</c>, <c>Cel</c>, <c>%</c>).</param>
public sealed record VitalValue(string Code, string Name, decimal Value, string Unit);

/// <summary>The vital signs the record holds (the FHIR vital-signs profiles).</summary>
public enum VitalKind
{
    /// <summary>Blood pressure: systolic and diastolic.</summary>
    BloodPressure,

    /// <summary>Heart rate.</summary>
    HeartRate,

    /// <summary>Respiratory rate.</summary>
    RespiratoryRate,

    /// <summary>Body temperature.</summary>
    BodyTemperature,

    /// <summary>Body weight.</summary>
    BodyWeight,

    /// <summary>Body height.</summary>
    BodyHeight,

    /// <summary>Body mass index.</summary>
    Bmi,

    /// <summary>Oxygen saturation (SpO2).</summary>
    OxygenSaturation,

    /// <summary>Head circumference (children).</summary>
    HeadCircumference,
}

/// <summary>The LOINC code, name and usual UCUM unit of each <see cref="VitalKind"/> (FHIR R4 vital-signs profiles).</summary>
public static class VitalKinds
{
    /// <summary>One kind's codes.</summary>
    /// <param name="Kind">The kind.</param>
    /// <param name="Loinc">The kind's LOINC code (the panel's for blood pressure).</param>
    /// <param name="Name">The kind as people read it.</param>
    /// <param name="Unit">The usual UCUM unit (empty for blood pressure's panel).</param>
    /// <param name="OtherCodes">Other LOINC codes senders use for the same kind (e.g. US Core's pulse oximetry 59408-5).</param>
    public sealed record Definition(VitalKind Kind, string Loinc, string Name, string Unit, IReadOnlyList<string> OtherCodes);

    /// <summary>Systolic blood pressure's LOINC code.</summary>
    public const string Systolic = "8480-6";

    /// <summary>Diastolic blood pressure's LOINC code.</summary>
    public const string Diastolic = "8462-4";

    /// <summary>Every kind, in the order the portal lists them.</summary>
    public static IReadOnlyList<Definition> All { get; } =
    [
        new(VitalKind.BloodPressure, "85354-9", "Blood pressure", "mm[Hg]", ["55284-4"]),
        new(VitalKind.HeartRate, "8867-4", "Heart rate", "/min", []),
        new(VitalKind.RespiratoryRate, "9279-1", "Respiratory rate", "/min", []),
        new(VitalKind.BodyTemperature, "8310-5", "Body temperature", "Cel", []),
        new(VitalKind.BodyWeight, "29463-7", "Body weight", "kg", []),
        new(VitalKind.BodyHeight, "8302-2", "Body height", "cm", []),
        new(VitalKind.Bmi, "39156-5", "Body mass index", "kg/m2", []),
        new(VitalKind.OxygenSaturation, "2708-6", "Oxygen saturation", "%", ["59408-5"]),
        new(VitalKind.HeadCircumference, "9843-4", "Head circumference", "cm", []),
    ];

    /// <summary>The kind's definition.</summary>
    public static Definition Of(VitalKind kind) => All.First(d => d.Kind == kind);

    /// <summary>The kind's LOINC code.</summary>
    public static string Loinc(this VitalKind kind) => Of(kind).Loinc;

    /// <summary>The kind a LOINC code stands for, or null.</summary>
    public static VitalKind? FromLoinc(string? code) =>
        All.FirstOrDefault(d => d.Loinc == code || d.OtherCodes.Contains(code))?.Kind;
}
