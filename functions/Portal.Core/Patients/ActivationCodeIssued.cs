namespace Portal.Core.Patients;

/// <summary>A fresh activation code to hand over to the patient.</summary>
/// <param name="PatientId">The patient's id.</param>
/// <param name="ActivationCode">The code in clear; shown once, stored only as a hash.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record ActivationCodeIssued(string PatientId, string ActivationCode, DateTimeOffset ExpiresAt);
