using Portal.Core.Patients;

namespace Portal.Functions.Patients;

/// <summary>A page of patients found: at most 50, and the token that fetches the next page of the same search.</summary>
/// <param name="Items">The patients on this page (id, names, date of birth, MRN).</param>
/// <param name="ContinuationToken">Send it back with the same search for the next page; null on the last page.</param>
public sealed record PatientSearchResults(IReadOnlyList<FoundPatient> Items, string? ContinuationToken);
