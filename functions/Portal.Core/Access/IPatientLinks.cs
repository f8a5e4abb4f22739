namespace Portal.Core.Access;

/// <summary>Port: the subject → patient links (an index keyed by sign-in subject).</summary>
public interface IPatientLinks
{
    /// <summary>The caller's link to one patient, or null. One point read.</summary>
    Task<PatientLink?> FindAsync(string subject, string patientId, CancellationToken cancellationToken);

    /// <summary>Every patient the subject is linked to. One partition query.</summary>
    Task<IReadOnlyList<PatientLink>> ListAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a link (idempotent); a caregiver's grant is also kept in the patient's chart.</summary>
    Task SaveAsync(PatientLink link, CancellationToken cancellationToken);

    /// <summary>The caregivers' grants to the patient (revoked and expired ones included). One range query of the chart.</summary>
    Task<IReadOnlyList<PatientLink>> CaregiversAsync(string patientId, CancellationToken cancellationToken);
}
