namespace Portal.Core.Notifications;

/// <summary>
/// Which phone numbers said STOP (carrier keywords, relayed by Communication Services). Kept per number, not per
/// patient: one phone can belong to a patient and a caregiver, and the opt-out covers every message to it.
/// </summary>
public interface ISmsOptOuts
{
    /// <summary>True when the number has opted out of SMS and not opted back in.</summary>
    Task<bool> IsOptedOutAsync(string phone, CancellationToken cancellationToken);

    /// <summary>Records STOP (<paramref name="optedOut"/> true) or START; an older keyword never overrides a newer one.</summary>
    Task SetAsync(string phone, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken);
}
