namespace Portal.Core.Patients;

/// <summary>Port: creates a patient's chart with its MRN index and activation code.</summary>
public interface IPatientRegistry
{
    /// <summary>
    /// Writes the MRN index first, then the activation and the chart; a retry after a partial failure
    /// adopts the orphaned index. Returns the patient id used, or null when the MRN belongs to another patient.
    /// </summary>
    Task<string?> RegisterAsync(Profile.PatientProfile profile, PendingActivation activation, CancellationToken cancellationToken);
}
