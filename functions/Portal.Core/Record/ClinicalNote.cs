namespace Portal.Core.Record;

/// <summary>
/// A clinical note shared with the patient ("open notes"): text written by the care team (FHIR
/// <c>DocumentReference</c> in category <c>clinical-note</c> with a text attachment).
/// </summary>
/// <param name="Title">The note's title (<c>Progress note</c>).</param>
/// <param name="Kind">Which kind of note; its LOINC code is <see cref="NoteKinds.Loinc"/>.</param>
/// <param name="Author">Who wrote it, as people read it.</param>
/// <param name="Date">When it was written: FHIR dateTime (or date).</param>
/// <param name="Text">The note's text.</param>
/// <param name="Codes">The note type's codes as sent.</param>
public sealed record ClinicalNote(string Title, NoteKind Kind, string? Author, string Date, string Text, IReadOnlyList<RecordCode> Codes);

/// <summary>The kinds of clinical notes (US Core's clinical note types).</summary>
public enum NoteKind
{
    /// <summary>Progress note (LOINC 11506-3).</summary>
    ProgressNote,

    /// <summary>Consultation note (LOINC 11488-4).</summary>
    ConsultationNote,

    /// <summary>Discharge summary (LOINC 18842-5).</summary>
    DischargeSummary,

    /// <summary>History and physical (LOINC 34117-2).</summary>
    HistoryAndPhysical,

    /// <summary>Procedure note (LOINC 28570-0).</summary>
    ProcedureNote,

    /// <summary>Any other note.</summary>
    Other,
}

/// <summary>The LOINC code of each <see cref="NoteKind"/>.</summary>
public static class NoteKinds
{
    private static readonly IReadOnlyDictionary<NoteKind, (string Code, string Display)> Codes = new Dictionary<NoteKind, (string, string)>
    {
        [NoteKind.ProgressNote] = ("11506-3", "Progress note"),
        [NoteKind.ConsultationNote] = ("11488-4", "Consult note"),
        [NoteKind.DischargeSummary] = ("18842-5", "Discharge summary"),
        [NoteKind.HistoryAndPhysical] = ("34117-2", "History and physical note"),
        [NoteKind.ProcedureNote] = ("28570-0", "Procedure note"),
        [NoteKind.Other] = ("34109-9", "Note"),
    };

    /// <summary>The kind's LOINC code.</summary>
    public static RecordCode Loinc(this NoteKind kind) => new(CodeSystems.Loinc, Codes[kind].Code, Codes[kind].Display);

    /// <summary>The kind a LOINC code stands for (<see cref="NoteKind.Other"/> for any other code).</summary>
    public static NoteKind FromLoinc(string? code) =>
        Codes.FirstOrDefault(c => c.Value.Code == code && c.Key != NoteKind.Other) is { Value.Code: not null } hit ? hit.Key : NoteKind.Other;
}
