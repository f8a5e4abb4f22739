namespace Portal.Core.Record.Documents;

/// <summary>What the care team says about a document it uploads (the bytes come separately).</summary>
/// <param name="Title">As the patient will read it (<c>Discharge letter</c>); required, at most 200 characters.</param>
/// <param name="Kind">discharge, letter, imaging, form or other.</param>
/// <param name="Date">The document's date: FHIR date or dateTime; today in the clinic's time zone when absent.</param>
/// <param name="VisitId">The visit it belongs to, if any (an item id in the record's visits).</param>
/// <param name="Description">A line about it, at most 500 characters.</param>
/// <param name="Confidential">Adolescent-confidential: never shown to caregivers, and no notice is sent.</param>
public sealed record DocumentUpload(string? Title, string? Kind, string? Date, string? VisitId, string? Description, bool Confidential);
