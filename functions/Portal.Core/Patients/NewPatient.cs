namespace Portal.Core.Patients;

/// <summary>What front-desk staff enter to register a patient for the portal.</summary>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="BirthDate">Date of birth; the patient confirms it when activating.</param>
/// <param name="Mrn">The clinic's medical record number; unique.</param>
/// <param name="Phone">Mobile number in E.164 form.</param>
/// <param name="Email">E-mail address.</param>
public sealed record NewPatient(string GivenName, string FamilyName, DateOnly BirthDate, string Mrn, string? Phone = null, string? Email = null);
