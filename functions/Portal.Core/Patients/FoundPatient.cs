namespace Portal.Core.Patients;

/// <summary>
/// A patient as the patient index shows them to staff: what tells patients apart and nothing more
/// (minimum necessary: no contact details, no clinical data).
/// </summary>
/// <param name="PatientId">The patient's id, to open the chart.</param>
/// <param name="GivenName">Given name as registered.</param>
/// <param name="FamilyName">Family name as registered.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Mrn">The clinic's medical record number.</param>
public sealed record FoundPatient(string PatientId, string GivenName, string FamilyName, DateOnly BirthDate, string Mrn);
