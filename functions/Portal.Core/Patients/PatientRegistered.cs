namespace Portal.Core.Patients;

/// <summary>The answer to a registration: the new patient's id and the one-time activation code to hand over.</summary>
/// <param name="PatientId">The patient's id.</param>
/// <param name="ActivationCode">The code in clear; shown once, stored only as a hash.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record PatientRegistered(string PatientId, string ActivationCode, DateTimeOffset ExpiresAt);
