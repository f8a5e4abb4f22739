using System.Globalization;

namespace Portal.Core.Journal;

/// <summary>An entry in one line of words (English or Spanish), for the PDF and the FHIR narrative.</summary>
public static class JournalText
{
    /// <summary>The entry's line, e.g. <c>Blood pressure 128/82 mm[Hg], pulse 70/min</c>.</summary>
    public static string Describe(JournalEntry entry, bool spanish)
    {
        var culture = CultureInfo.GetCultureInfo(spanish ? "es-US" : "en-US");
        return entry.Kind switch
        {
            JournalKind.Symptom when entry.Symptom is { } s =>
                (spanish ? $"Síntoma: {s.What}, intensidad {s.Severity}/10" : $"Symptom: {s.What}, severity {s.Severity}/10")
                + (s.DurationMinutes is { } m ? (spanish ? $", duró {Duration(m, true)}" : $", lasted {Duration(m, false)}") : ""),
            JournalKind.SideEffect when entry.SideEffect is { } e =>
                spanish ? $"Efecto secundario de {e.Medication}: {e.What}, intensidad {e.Severity}/10" : $"Side effect of {e.Medication}: {e.What}, severity {e.Severity}/10",
            JournalKind.Measurement when entry.Measurement is { } m => Measurement(m, spanish, culture),
            JournalKind.WellBeing when entry.WellBeing is { } w => string.Join(", ", new[]
            {
                w.Mood is { } mood ? (spanish ? $"Ánimo {mood}/10" : $"Mood {mood}/10") : null,
                w.SleepHours is { } sleep ? (spanish ? $"durmió {sleep.ToString("0.#", culture)} h" : $"slept {sleep.ToString("0.#", culture)} h") : null,
                w.ActivityMinutes is { } active ? (spanish ? $"actividad {active} min" : $"active {active} min") : null,
            }.OfType<string>()),
            _ => spanish ? "Nota" : "Note",
        };
    }

    private static string Measurement(HomeMeasurement m, bool spanish, CultureInfo culture)
    {
        string Value(string code) => m.Values.First(v => v.Code == code) is var v ? $"{v.Value.ToString("0.##", culture)} {v.Unit}" : "";
        if (m.Type == MeasurementType.BloodPressure)
        {
            var systolic = m.Values.First(v => v.Code == HomeMeasurements.Systolic).Value.ToString("0", culture);
            var diastolic = m.Values.First(v => v.Code == HomeMeasurements.Diastolic).Value.ToString("0", culture);
            var pulse = m.Values.Any(v => v.Code == HomeMeasurements.Pulse) ? (spanish ? ", pulso " : ", pulse ") + Value(HomeMeasurements.Pulse) : "";
            return (spanish ? "Presión arterial " : "Blood pressure ") + $"{systolic}/{diastolic} mm[Hg]{pulse}";
        }

        var kind = HomeMeasurements.Find(m.Values[0].Code)!;
        return $"{(spanish ? kind.SpanishName : kind.Name)} {Value(kind.Code)}";
    }

    private static string Duration(int minutes, bool spanish) =>
        minutes < 120 ? $"{minutes} min" : minutes < 2_880 ? $"{minutes / 60} h" : spanish ? $"{minutes / 1_440} días" : $"{minutes / 1_440} days";
}
