namespace Portal.Core.Patients;

/// <summary>Port: remembered registrations, keyed by caller and Idempotency-Key.</summary>
public interface IRegistrationReplays
{
    /// <summary>The remembered registration, or null. One point read.</summary>
    Task<RegistrationReplay?> FindAsync(string subject, string key, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the record.</summary>
    Task SaveAsync(RegistrationReplay replay, CancellationToken cancellationToken);
}
