using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: the approval queue: requested appointments still on hold, soonest hold end first, for staff who book
/// (front desk, clinicians, administrators). Read from each provider's claim index (a query per provider); no chart is read.
/// </summary>
public sealed class ListRequests(IClinicSetup setup, ISlotClaims claims)
{
    /// <summary>The pending requests of one provider (one query) or of all (the setup, then a query per provider); 403 for anyone who does not book for patients.</summary>
    public async Task<Result<IReadOnlyList<ClaimCheck>>> ExecuteAsync(Caller caller, string? providerId, CancellationToken cancellationToken)
    {
        if (!FindSlots.BooksAsStaff(caller))
        {
            return new Failure(FailureKind.Forbidden, "Only the clinic's staff see the approval queue.");
        }

        IEnumerable<string> providers = providerId is { Length: > 0 } ? [providerId] : (await setup.ReadAsync(cancellationToken)).Providers.Select(p => p.Value.Id);
        var holds = new List<ClaimCheck>();
        foreach (var provider in providers)
        {
            holds.AddRange(await claims.HoldsAsync(provider, cancellationToken));
        }

        return holds.OrderBy(h => h.Claim.HoldUntil).ToList();
    }
}
