using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>Use case: a caregiver ends their own access to a patient; both are told. 404 when they have no grant to the patient.</summary>
public sealed class EndMyAccess(IPatientLinks links, IProxyGrants grants, GrantWrites writes, ChartAccess access, TimeProvider clock)
{
    /// <summary>Done, or 404 (no grant: nothing to say about the patient).</summary>
    public async Task<Result<bool>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(caller.Subject, patientId, cancellationToken);
        var grant = link?.Kind == LinkKind.Proxy ? await grants.FindAsync(patientId, caller.Subject, cancellationToken) : null;
        if (grant is null)
        {
            return Failure.NotFound("The patient");
        }

        for (var attempt = 0; grant is not null; attempt++)
        {
            try
            {
                await writes.EndAsync(grant, EndReasons.EndedByCaregiver, clock.GetUtcNow(), cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 2)
            {
                // The patient changed the grant meanwhile: end the fresh one.
            }

            grant = await grants.FindAsync(patientId, caller.Subject, cancellationToken);
        }

        await access.RecordAsync(new ChartVisit(caller, patientId, "proxies.end", $"me/proxies/{patientId}", "proxy", patientId), AuditOutcome.Success, cancellationToken);
        return true;
    }
}
