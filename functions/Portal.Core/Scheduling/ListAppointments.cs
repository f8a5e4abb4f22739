using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: the patient's appointments: upcoming (still holding their slot and not over), soonest first; or past
/// (over, cancelled, declined), latest first. A chart holds few: one range query, no paging.
/// </summary>
public sealed class ListAppointments(AppointmentScope scope)
{
    /// <summary>The appointments; 400 for an unknown <c>when</c>, 404/403 per the policy.</summary>
    public async Task<Result<IReadOnlyList<AppointmentView>>> ExecuteAsync(Caller caller, string patientId, string? when, CancellationToken cancellationToken)
    {
        var upcoming = when is null or "" or "upcoming";
        if (!upcoming && when != "past")
        {
            return Failure.Invalid("when", "upcoming or past.");
        }

        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/appointments", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var all = await scope.Appointments.ListAsync(patientId, cancellationToken);
        var setup = await scope.SetupAsync(cancellationToken);
        var now = scope.Now;
        var chosen = all.Where(a => upcoming == (a.Value.HoldsSlot && a.Value.End > now));
        chosen = upcoming ? chosen.OrderBy(a => a.Value.Start) : chosen.OrderByDescending(a => a.Value.Start);
        await scope.RecordAsync(visit.Value, true, cancellationToken);
        return Result(chosen.Select(a => scope.View(a, setup)).ToList());
    }

    private static Result<IReadOnlyList<AppointmentView>> Result(List<AppointmentView> views) => views;
}
