namespace Portal.Core.Scheduling;

/// <summary>
/// Port: the claim index of each provider's time (one partition per provider: a unit row per claimed 5 minutes, and
/// check rows for claims being changed). Inserting a unit row that exists fails, which makes double booking impossible.
/// </summary>
public interface ISlotClaims
{
    /// <summary>The claimed units of the provider from <paramref name="from"/> to <paramref name="to"/>. One query.</summary>
    Task<IReadOnlyList<ClaimedUnit>> ListAsync(string providerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Claims every unit with a check row due at <paramref name="checkAt"/>, in one transaction. True when the units are
    /// now this appointment's (units it held already, e.g. on a retry or a small move, count as its own); false when
    /// another appointment holds any of them, and then nothing is written.
    /// </summary>
    Task<bool> ClaimAsync(SlotClaim claim, DateTimeOffset checkAt, CancellationToken cancellationToken);

    /// <summary>Writes the check row of a claim about to be released (before the chart changes).</summary>
    Task IntendAsync(SlotClaim claim, DateTimeOffset checkAt, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the change of a claim: removes its check row and, with <paramref name="release"/>, its units that this
    /// appointment still holds, except those of <paramref name="keep"/> (the new time of a moved appointment).
    /// </summary>
    Task SettleAsync(SlotClaim claim, bool release, SlotClaim? keep, CancellationToken cancellationToken);

    /// <summary>Check rows of the provider due at <paramref name="now"/>. One query.</summary>
    Task<IReadOnlyList<ClaimCheck>> DueAsync(string providerId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Held requests of the provider (check rows with a hold), soonest hold end first. One query.</summary>
    Task<IReadOnlyList<ClaimCheck>> HoldsAsync(string providerId, CancellationToken cancellationToken);
}
