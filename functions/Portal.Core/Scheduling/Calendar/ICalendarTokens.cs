namespace Portal.Core.Scheduling.Calendar;

/// <summary>
/// Port: the secret calendar-feed tokens, kept as SHA-256 hashes (a stolen table never yields a working feed), one
/// live token per patient.
/// </summary>
public interface ICalendarTokens
{
    /// <summary>The patient whose feed the token's hash opens, or null.</summary>
    Task<string?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="tokenHash"/> the patient's only live token (the earlier one stops working).</summary>
    Task ReplaceAsync(string patientId, string tokenHash, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>Ends the patient's token, if any; true when there was one.</summary>
    Task<bool> RevokeAsync(string patientId, CancellationToken cancellationToken);
}
