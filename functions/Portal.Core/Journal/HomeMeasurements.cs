namespace Portal.Core.Journal;

/// <summary>
/// The home measurements a journal accepts: each value's LOINC code, the UCUM units it may be sent in and the
/// physiological range per unit (a value outside it is a typing slip, not a reading), and the clinic codes a results
/// trend shows it beside (a finger-stick glucose beside the lab's serum glucose).
/// </summary>
public static class HomeMeasurements
{
    /// <summary>LOINC: blood pressure panel with all children optional.</summary>
    public const string BloodPressurePanel = "85354-9";

    /// <summary>LOINC: systolic blood pressure.</summary>
    public const string Systolic = "8480-6";

    /// <summary>LOINC: diastolic blood pressure.</summary>
    public const string Diastolic = "8462-4";

    /// <summary>LOINC: heart rate.</summary>
    public const string Pulse = "8867-4";

    /// <summary>Every value a home measurement may carry.</summary>
    public static IReadOnlyList<MeasuredKind> Kinds { get; } =
    [
        new(MeasurementType.BloodPressure, Systolic, "Systolic blood pressure", "Presión sistólica", [new("mm[Hg]", 50, 260)], []),
        new(MeasurementType.BloodPressure, Diastolic, "Diastolic blood pressure", "Presión diastólica", [new("mm[Hg]", 30, 160)], []),
        new(MeasurementType.BloodPressure, Pulse, "Heart rate", "Frecuencia cardiaca", [new("/min", 25, 250)], []),
        new(MeasurementType.Weight, "29463-7", "Body weight", "Peso corporal", [new("kg", 1, 350), new("[lb_av]", 2, 770)], ["3141-9"]),
        new(MeasurementType.Glucose, "41653-7", "Glucose (finger stick)", "Glucosa (punción en el dedo)", [new("mg/dL", 20, 600), new("mmol/L", 1.1m, 33.3m)], ["2339-0", "2345-7"]),
        new(MeasurementType.Temperature, "8310-5", "Body temperature", "Temperatura corporal", [new("Cel", 33, 43), new("[degF]", 91.4m, 109.4m)], ["8331-1"]),
        new(MeasurementType.PeakFlow, "19935-6", "Peak expiratory flow", "Flujo espiratorio máximo", [new("L/min", 50, 900)], []),
    ];

    /// <summary>The value definition of a LOINC code, or null.</summary>
    public static MeasuredKind? Find(string code) => Kinds.FirstOrDefault(k => k.Code == code);

    /// <summary>The single-value kind of a measurement type (null for blood pressure, which has components).</summary>
    public static MeasuredKind? Single(MeasurementType type) =>
        type == MeasurementType.BloodPressure ? null : Kinds.First(k => k.Type == type);

    /// <summary>The home value a results trend of <paramref name="loinc"/> shows beside the clinic's values, or null.</summary>
    public static MeasuredKind? ForTrend(string loinc) => Kinds.FirstOrDefault(k => k.Code == loinc || k.TrendsBeside.Contains(loinc));
}

/// <summary>One kind of home value.</summary>
/// <param name="Type">The measurement it belongs to.</param>
/// <param name="Code">Its LOINC code.</param>
/// <param name="Name">English name.</param>
/// <param name="SpanishName">Spanish name.</param>
/// <param name="Units">The UCUM units accepted, each with its physiological range.</param>
/// <param name="TrendsBeside">Clinic LOINC codes whose trend shows this home value too.</param>
public sealed record MeasuredKind(MeasurementType Type, string Code, string Name, string SpanishName, IReadOnlyList<UnitRange> Units, IReadOnlyList<string> TrendsBeside);

/// <summary>A unit and the values that can be real in it.</summary>
/// <param name="Unit">UCUM code.</param>
/// <param name="Min">Lowest plausible value.</param>
/// <param name="Max">Highest plausible value.</param>
public sealed record UnitRange(string Unit, decimal Min, decimal Max);
