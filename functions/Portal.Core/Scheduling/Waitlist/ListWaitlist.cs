using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling.Waitlist;

/// <summary>Use case: the patient's waitlist entries: waiting ones oldest first, then those that ended, latest first. One range query.</summary>
public sealed class ListWaitlist(AppointmentScope scope, IWaitlist waitlist)
{
    /// <summary>The entries; 404/403 per the policy.</summary>
    public async Task<Result<WaitlistEntries>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/waitlist", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var entries = await waitlist.ListAsync(patientId, cancellationToken);
        var setup = await scope.SetupAsync(cancellationToken);
        var now = scope.Now;
        await scope.RecordAsync(visit.Value, true, cancellationToken);
        var views = entries.Select(e => WaitlistEntryView.Of(e, setup, scope.Zone, scope.Clinic.TimeZone, now)).ToList();
        return new WaitlistEntries([
            .. views.Where(v => v.Status == WaitlistStatus.Waiting).OrderBy(v => v.CreatedAt),
            .. views.Where(v => v.Status != WaitlistStatus.Waiting).OrderByDescending(v => v.CreatedAt),
        ]);
    }
}
