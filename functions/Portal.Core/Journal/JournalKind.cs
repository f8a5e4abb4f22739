namespace Portal.Core.Journal;

/// <summary>What a health-journal entry records.</summary>
public enum JournalKind
{
    /// <summary>A symptom: what, how bad (0–10), when and for how long.</summary>
    Symptom,

    /// <summary>A side effect, linked to a medication.</summary>
    SideEffect,

    /// <summary>A measurement taken at home (blood pressure, weight, glucose, temperature, peak flow).</summary>
    Measurement,

    /// <summary>Mood, sleep and activity.</summary>
    WellBeing,

    /// <summary>Free text only.</summary>
    Note,
}
