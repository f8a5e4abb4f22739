namespace Portal.Functions.Patients;

/// <summary>A fresh activation code to hand to the patient, shaped like registration's answer.</summary>
/// <param name="PatientId">The patient's id.</param>
/// <param name="ActivationCode">The code, shown this once (it is stored only as a hash).</param>
/// <param name="ActivationCodeExpiresAt">When the code stops working (14 days).</param>
public sealed record IssuedActivationCode(string PatientId, string ActivationCode, DateTimeOffset ActivationCodeExpiresAt);
