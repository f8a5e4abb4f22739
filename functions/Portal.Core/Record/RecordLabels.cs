namespace Portal.Core.Record;

/// <summary>What an item is, in a few words as people read it (<c>Penicillin</c>, <c>Lisinopril 10 MG Oral Tablet</c>, <c>Office visit</c>).</summary>
public static class RecordLabels
{
    /// <summary>The content's label.</summary>
    public static string Of(RecordContent content) => content switch
    {
        { Allergy: { } a } => a.Substance,
        { Medication: { } m } => m.Name,
        { Immunization: { } i } => i.Vaccine,
        { Problem: { } p } => p.Condition,
        { VitalSign: { } v } => v.Name,
        { Visit: { } v } => v.Type,
        { CarePlan: { } c } => c.Title,
        { Note: { } n } => n.Title,
        { Document: { } d } => d.Title,
        _ => "",
    };
}
