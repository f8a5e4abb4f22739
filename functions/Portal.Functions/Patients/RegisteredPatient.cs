using Portal.Core.Patients;

namespace Portal.Functions.Patients;

/// <summary>The answer to a registration: the patient's id and the one-time activation code to hand over.</summary>
/// <param name="PatientId">The new patient's id.</param>
/// <param name="ActivationCode">The code in clear, shown this once.</param>
/// <param name="ActivationCodeExpiresAt">When the code stops working.</param>
internal sealed record RegisteredPatient(string PatientId, string ActivationCode, DateTimeOffset ActivationCodeExpiresAt)
{
    public static RegisteredPatient From(PatientRegistered registered) =>
        new(registered.PatientId, registered.ActivationCode, registered.ExpiresAt);
}
