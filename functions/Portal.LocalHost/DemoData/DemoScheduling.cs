using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Identity;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.CheckIn;
using Portal.Core.Scheduling.Setup;
using Portal.Core.Scheduling.Waitlist;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// The demo clinic's schedule: three providers, two locations, six visit types (one by video, one needing approval,
/// one staff-only), weekly templates, and a holiday afternoon off, entered by the administrator through the real use
/// case (an item that exists is left as it is, so local edits survive restarts). For each new demo patient: a visit
/// from last month (written as the clinic's history import would: it is over), and an upcoming one booked by the
/// patient (or by Leo's father) through the real booking. David waits for an earlier follow-up with Priya Patel (the
/// waitlist); Chloe has checked in online for her video visit tomorrow (the day view shows it).
/// </summary>
internal static class DemoScheduling
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly ISetupItem[] Setup =
    [
        new Provider("dr-chen", "Dr. Mei Chen, MD", "Family medicine"),
        new Provider("dr-okonkwo", "Dr. Samuel Okonkwo, DO", "Internal medicine"),
        new Provider("np-patel", "Priya Patel, NP", "Family nurse practitioner"),
        new Location("lakeview", "Lakeview office", "3000 N Halsted St", "Chicago", "IL", "60657", "+13125550110"),
        new Location("pilsen", "Pilsen office", "1800 S Blue Island Ave", "Chicago", "IL", "60608", "+13125550120"),
        new VisitType("follow-up", "Follow-up visit", 20, VisitModality.InPerson, SelfBooking.EstablishedPatients, false, 2, 90, 24, [48, 2],
            "Bring your medications or a list of them.",
            [
                new("topic", "What would you like to talk about?", QuestionType.String, true),
                new("new-medicines", "Have you started any new medicines since your last visit?", QuestionType.Boolean, true),
                new("pain", "If you have pain, how bad is it from 0 (none) to 10 (worst)?", QuestionType.Integer, false),
                new("feeling", "How have you been feeling?", QuestionType.Choice, false, ["Better", "About the same", "Worse"]),
            ]),
        new VisitType("new-patient", "New patient visit", 40, VisitModality.InPerson, SelfBooking.NewPatients, false, 24, 90, 24, [48, 2],
            "Arrive 15 minutes early to fill in forms; bring your insurance card and a photo ID.", [new("previous-doctor", "Do you have a previous doctor whose records we should request?", QuestionType.Boolean, true)]),
        new VisitType("annual-physical", "Annual physical", 60, VisitModality.InPerson, SelfBooking.Anyone, true, 48, 120, 48, [48, 2],
            "Do not eat or drink anything but water for 8 hours before the visit (fasting labs).",
            [
                new("new-symptoms", "Any new symptoms since your last physical?", QuestionType.String, false),
                new("medication-changes", "Any medication changes?", QuestionType.Boolean, true),
            ]),
        new VisitType("video-visit", "Video visit", 20, VisitModality.Video, SelfBooking.EstablishedPatients, false, 1, 30, 4, [2],
            "Find a quiet, well-lit place; the link appears here 15 minutes before the visit.",
            [
                new("device", "Will you join from a phone or a computer?", QuestionType.Choice, true, ["Phone", "Computer", "Tablet"]),
                new("interpreter", "Would you like an interpreter to join?", QuestionType.Boolean, true),
            ]),
        new VisitType("sports-physical", "Sports physical", 30, VisitModality.InPerson, SelfBooking.Anyone, false, 24, 60, 24, [48],
            "Bring the school's form."),
        new VisitType("procedure", "Office procedure", 60, VisitModality.InPerson, SelfBooking.StaffOnly, false, 0, 180, 48, [48, 2],
            "The clinic will call you with instructions."),
        new AvailabilityTemplate("chen-mornings", "dr-chen", "lakeview", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
            new TimeOnly(8, 0), new TimeOnly(12, 0), null, null, null),
        new AvailabilityTemplate("chen-afternoons", "dr-chen", "lakeview", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
            new TimeOnly(13, 0), new TimeOnly(17, 0), null, null, null),
        new AvailabilityTemplate("chen-video-fridays", "dr-chen", "lakeview", [DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(12, 0), ["video-visit", "follow-up"], null, null),
        new AvailabilityTemplate("okonkwo-pilsen", "dr-okonkwo", "pilsen", Weekdays, new TimeOnly(9, 0), new TimeOnly(16, 0), null, null, null),
        new AvailabilityTemplate("patel-lakeview", "np-patel", "lakeview", [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday], new TimeOnly(8, 0), new TimeOnly(14, 0), null, null, null),
        new AvailabilityTemplate("patel-pilsen", "np-patel", "pilsen", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], new TimeOnly(12, 0), new TimeOnly(18, 0), null, null, null),
        new AvailabilityException("chen-new-year", "dr-chen", ExceptionKind.TimeOff, new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1), new TimeOnly(8, 0), new TimeOnly(17, 0), null, null),
    ];

    private sealed record Visit(string Patient, string Booker, string VisitType, string Provider, int DaysAhead, string Reason);

    private static readonly Visit[] Upcoming =
    [
        new("patient-ana", "patient-ana", "follow-up", "dr-chen", 6, "Follow-up on my blood pressure medication"),
        new("patient-ben", "patient-ben", "annual-physical", "dr-okonkwo", 10, "Yearly physical and fasting labs"),
        new("patient-chloe", "patient-chloe", "video-visit", "dr-chen", 1, "Questions about my allergy medicine"),
        new("patient-david", "patient-david", "follow-up", "np-patel", 8, "Knee pain after running"),
        new("patient-leo", "caregiver-luis", "sports-physical", "np-patel", 4, "Basketball season physical"),
    ];

    /// <summary>Enters the setup (once), then the visits of the patients this seed run created.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> createdPatients, CancellationToken cancellationToken)
    {
        var admin = DemoPeople.Staff.Single(s => s.Roles.Contains(AppRoles.Admin));
        var adminCaller = new Caller(admin.Subject, admin.Name, admin.Roles.ToHashSet(), HasMfa: true);
        var changes = services.GetRequiredService<SetupChanges>();
        var existing = await changes.ReadAsync(cancellationToken);
        foreach (var item in Setup.Where(item => existing.Find(ClinicSetup.KindOf(item), item.Id) is null))
        {
            var saved = await changes.SaveAsync(adminCaller, item, item.Id, null, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Demo setup item {item.Id} was refused: {saved.Failure.Detail}");
            }
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<ClinicOptions>>().Value.TimeZone);
        foreach (var visit in Upcoming.Where(v => createdPatients.ContainsKey(v.Patient)))
        {
            var patientId = createdPatients[visit.Patient];
            await PastVisitAsync(services, patientId, visit, zone, now, cancellationToken);
            var booked = await BookAsync(services, patientId, visit, now, cancellationToken);
            if (visit.Patient == "patient-david")
            {
                await WaitForEarlierAsync(services, patientId, visit, cancellationToken);
            }
            else if (visit.Patient == "patient-chloe" && booked is not null)
            {
                await CheckInAsync(services, patientId, booked, cancellationToken);
            }
        }
    }

    // "Tell me if an earlier slot opens": David would rather see Priya Patel before his booked follow-up.
    private static async Task WaitForEarlierAsync(IServiceProvider services, string patientId, Visit visit, CancellationToken cancellationToken)
    {
        var joined = await services.GetRequiredService<JoinWaitlist>().ExecuteAsync(
            Person(visit.Booker), patientId, new WaitlistRequest(visit.VisitType, visit.Provider, null, null), $"demo-wait-{visit.Patient}", cancellationToken);
        if (!joined.Succeeded)
        {
            throw new InvalidOperationException($"Demo waitlist entry for {visit.Patient} was refused: {joined.Failure.Detail}");
        }
    }

    // Chloe confirmed her details and answered the video visit's questions; a visit more than 3 days out (a weekend) is left unchecked.
    private static async Task CheckInAsync(IServiceProvider services, string patientId, AppointmentView booked, CancellationToken cancellationToken)
    {
        var request = new CheckInRequest(true, true, [new CheckInAnswer("device", ValueString: "Phone"), new CheckInAnswer("interpreter", ValueBoolean: false)]);
        var checkedIn = await services.GetRequiredService<CheckInOnline>().ExecuteAsync(Person("patient-chloe"), patientId, booked.AppointmentId, request, null, cancellationToken);
        if (!checkedIn.Succeeded && checkedIn.Failure.Kind != Core.Common.FailureKind.Conflict)
        {
            throw new InvalidOperationException($"Demo check-in for Chloe was refused: {checkedIn.Failure.Detail}");
        }
    }

    // Last month's visit with the same provider: the clinic's history, over and completed (which also makes the
    // patient "established" for visit types only they may book).
    private static async Task PastVisitAsync(IServiceProvider services, string patientId, Visit visit, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var date = ClinicClock.DateOf(zone, now).AddDays(-27);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(-1);
        }

        var start = ClinicClock.At(zone, date, new TimeOnly(10, 0));
        var id = $"demo-{Guid.NewGuid():N}";
        var past = new Appointment(patientId, id, "follow-up", visit.Provider, visit.Provider == "dr-okonkwo" ? "pilsen" : "lakeview", start, start.AddMinutes(20),
            AppointmentStatus.Completed, "Check-up", "frontdesk-lee", start.AddDays(-14), null, 0, null, null, null, null, start.AddMinutes(20));
        await services.GetRequiredService<IAppointments>().AddAsync(past, null, cancellationToken);
        await services.GetRequiredService<IProviderDays>().RecordAsync(past, null, cancellationToken);
    }

    private static async Task<AppointmentView?> BookAsync(IServiceProvider services, string patientId, Visit visit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var booker = Person(visit.Booker);
        var from = DateOnly.FromDateTime(now.AddDays(visit.DaysAhead).UtcDateTime);
        var slots = await services.GetRequiredService<FindSlots>().ExecuteAsync(booker, visit.VisitType, visit.Provider, $"{from:yyyy-MM-dd}", $"{from.AddDays(7):yyyy-MM-dd}", cancellationToken);
        var slot = slots.Succeeded ? slots.Value.Slots.FirstOrDefault(s => s.Start.Hour >= 9) : null;
        if (slot is null)
        {
            return null; // the provider's week is full (a long-running local store): no demo visit this time
        }

        var booked = await services.GetRequiredService<BookAppointment>().ExecuteAsync(
            booker, patientId, new NewAppointment(visit.VisitType, visit.Provider, slot.Start, visit.Reason), $"demo-{visit.Patient}", cancellationToken);
        if (!booked.Succeeded)
        {
            throw new InvalidOperationException($"Demo appointment for {visit.Patient} was refused: {booked.Failure.Detail}");
        }

        return booked.Value;
    }

    private static Caller Person(string subject)
    {
        var patient = DemoPeople.Patients.SingleOrDefault(p => p.Subject == subject);
        return patient is not null
            ? new Caller(subject, $"{patient.GivenName} {patient.FamilyName}", new HashSet<string> { "Patient" }, HasMfa: false)
            : new Caller(subject, DemoPeople.Caregiver.Name, new HashSet<string> { "Patient" }, HasMfa: false);
    }
}
