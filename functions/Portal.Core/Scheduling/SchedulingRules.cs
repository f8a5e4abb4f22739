using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>The rules of booking: who may book what, how early and how far ahead, and when cancelling online ends.</summary>
public static class SchedulingRules
{
    /// <summary>The longest reason for a visit.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The most days one slot search covers.</summary>
    public const int MaxSearchDays = 14;

    /// <summary>Checks that <paramref name="visitType"/> may be booked by this side (patients per its setting; staff always).</summary>
    public static Failure? MayBook(VisitType visitType, bool byStaff, bool established) =>
        byStaff ? null : visitType.SelfBooking switch
        {
            SelfBooking.StaffOnly => Failure.Invalid("visitTypeId", "This visit type is booked by the clinic; please call or message the front desk."),
            SelfBooking.NewPatients when established => Failure.Invalid("visitTypeId", "This visit type is for new patients."),
            SelfBooking.EstablishedPatients when !established => Failure.Invalid("visitTypeId", "This visit type is for patients who have been seen before."),
            _ => null,
        };

    /// <summary>True when the patient had an earlier visit that was not cancelled or declined.</summary>
    public static bool IsEstablished(IEnumerable<Appointment> appointments, DateTimeOffset now) =>
        appointments.Any(a => a.Start < now && a.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed or AppointmentStatus.CheckedIn or AppointmentStatus.Completed or AppointmentStatus.NoShow);

    /// <summary>The earliest start a side may book: now for staff, now plus the minimum notice for patients.</summary>
    public static DateTimeOffset EarliestStart(VisitType visitType, bool byStaff, DateTimeOffset now) =>
        byStaff ? now : now + TimeSpan.FromHours(visitType.MinimumNoticeHours);

    /// <summary>The latest start a side may book: the visit type's horizon for patients; a year for staff.</summary>
    public static DateTimeOffset LatestStart(VisitType visitType, bool byStaff, DateTimeOffset now) =>
        now + TimeSpan.FromDays(byStaff ? 366 : visitType.HorizonDays);

    /// <summary>Checks a start against the past, the minimum notice and the horizon.</summary>
    public static Failure? CheckWindow(VisitType visitType, DateTimeOffset start, bool byStaff, DateTimeOffset now) =>
        start <= now ? Failure.Invalid("start", "This time has passed.")
        : start < EarliestStart(visitType, byStaff, now) ? Failure.Invalid("start", $"Book at least {visitType.MinimumNoticeHours} hours ahead.")
        : start > LatestStart(visitType, byStaff, now) ? Failure.Invalid("start", $"Book at most {visitType.HorizonDays} days ahead.")
        : null;

    /// <summary>True from the cancellation cutoff on: patients then cancel or move by phone only.</summary>
    public static bool InsideCutoff(Appointment appointment, VisitType? visitType, DateTimeOffset now) =>
        now >= appointment.Start - TimeSpan.FromHours(visitType?.CancellationCutoffHours ?? 24);

    /// <summary>What a patient is told inside the cutoff.</summary>
    public static Failure CutoffRefusal(VisitType? visitType, string clinicPhone) => new(
        FailureKind.Conflict,
        $"This appointment is less than {visitType?.CancellationCutoffHours ?? 24} hours away and can no longer be changed online. "
        + (string.IsNullOrWhiteSpace(clinicPhone) ? "Please call the clinic." : $"Please call the clinic at {clinicPhone}."));

    /// <summary>The patient's other appointment that overlaps [start, end), if any.</summary>
    public static Appointment? Overlapping(IEnumerable<Appointment> appointments, DateTimeOffset start, DateTimeOffset end, string? except) =>
        appointments.FirstOrDefault(a => a.AppointmentId != except && a.HoldsSlot && Slot.Overlaps(start, end, a.Start, a.End));

    /// <summary>The slot that starts at <paramref name="start"/> in the provider's templates, or null when none is aligned there.</summary>
    public static Slot? AlignedSlot(ClinicSetup setup, VisitType visitType, string providerId, DateTimeOffset start, TimeZoneInfo zone)
    {
        var date = ClinicClock.DateOf(zone, start);
        return Availability.Slots(setup, visitType, providerId, date, date, zone).FirstOrDefault(s => s.Start == start);
    }

    /// <summary>
    /// The open slots: the template-aligned slots from <paramref name="from"/> to <paramref name="to"/> that this side may
    /// book (notice, horizon) and whose units nobody holds.
    /// </summary>
    public static IReadOnlyList<Slot> OpenSlots(
        ClinicSetup setup, VisitType visitType, string providerId, DateOnly from, DateOnly to, TimeZoneInfo zone,
        IReadOnlyCollection<ClaimedUnit> taken, bool byStaff, DateTimeOffset now)
    {
        var held = taken.Select(u => u.Start).ToHashSet();
        var (earliest, latest) = (EarliestStart(visitType, byStaff, now), LatestStart(visitType, byStaff, now));
        return [.. Availability.Slots(setup, visitType, providerId, from, to, zone)
            .Where(s => s.Start > now && s.Start >= earliest && s.Start <= latest)
            .Where(s => !SlotUnits.Of(s.Start, s.End).Any(held.Contains))];
    }

    /// <summary>
    /// The slot at <paramref name="start"/> if this side may book it for the patient: 400 for an unknown visit type or
    /// provider, a visit type not for this side, a time outside notice and horizon or not aligned to the templates;
    /// 409 when it overlaps the patient's own other appointment (other than <paramref name="except"/>).
    /// </summary>
    public static Result<Slot> CheckSlot(
        ClinicSetup setup, VisitType? visitType, string providerId, DateTimeOffset start, bool byStaff,
        IReadOnlyList<Appointment> patients, string? except, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (visitType is null)
        {
            return Failure.Invalid("visitTypeId", "No such visit type.");
        }

        if (setup.Provider(providerId) is not { Active: true })
        {
            return Failure.Invalid("providerId", "No such provider taking bookings.");
        }

        var established = IsEstablished(patients.Where(a => a.AppointmentId != except), now);
        if ((MayBook(visitType, byStaff, established) ?? CheckWindow(visitType, start, byStaff, now)) is { } refused)
        {
            return refused;
        }

        if (AlignedSlot(setup, visitType, providerId, start, zone) is not { } slot)
        {
            return Failure.Invalid("start", "No slot of this visit type starts then; pick a time from the slot search.");
        }

        return Overlapping(patients, slot.Start, slot.End, except) is not null
            ? new Failure(FailureKind.Conflict, "This time overlaps another of the patient's appointments.")
            : slot;
    }
}
