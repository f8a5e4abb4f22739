using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Scheduling.Fhir;

/// <summary>The patient's appointments (a chart holds few: one range query, paged by position), soonest first, filtered by <c>date</c>.</summary>
internal sealed class AppointmentFhirSource(IAppointments appointments, IClinicSetup setupStore)
    : FhirSource("appointments", DataCategory.Appointments, null)
{
    public override async Task<Page<Resource>> SearchAsync(FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        if (!FhirOffsets.TryRead(continuationToken, out var offset))
        {
            throw new InvalidContinuationTokenException();
        }

        var all = await appointments.ListAsync(visit.PatientId, cancellationToken);
        var setup = await setupStore.ReadAsync(cancellationToken);
        return FhirOffsets.Page(
            [.. all.Select(a => a.Value).Where(a => search.Dates.Contains(a.Start)).OrderBy(a => a.Start).Select(a => (Resource)SchedulingFhir.Appointment(a, setup))],
            pageSize, offset);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        await appointments.FindAsync(visit.PatientId, id, cancellationToken) is { } found
            ? SchedulingFhir.Appointment(found.Value, await setupStore.ReadAsync(cancellationToken))
            : null;
}
