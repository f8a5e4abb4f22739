using Microsoft.Extensions.Options;
using Portal.Core.Clinic;

namespace Portal.Core.Prescriptions;

/// <summary>The clinic's calendar as prescriptions use it: the refill target in business days, today's date in the clinic's zone.</summary>
public sealed class RefillCalendar(IOptions<ClinicOptions> clinic, IOptions<PrescriptionOptions> options)
{
    /// <summary>The clinic's business days.</summary>
    public ClinicCalendar Calendar => ClinicCalendar.From(clinic.Value);

    /// <summary>The prescription settings.</summary>
    public PrescriptionOptions Options => options.Value;

    /// <summary>When a request received at <paramref name="receivedAt"/> should be answered by.</summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt) => Calendar.DueAfter(receivedAt, options.Value.RefillTargetBusinessDays);

    /// <summary>The clinic's date at <paramref name="now"/>.</summary>
    public DateOnly Today(DateTimeOffset now) => ClinicClock.DateOf(Calendar.Zone, now);
}
