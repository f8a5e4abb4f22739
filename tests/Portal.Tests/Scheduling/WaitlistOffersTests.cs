using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Waitlist;
using static Portal.Tests.Scheduling.SchedulingTestData;

namespace Portal.Tests.Scheduling;

/// <summary>Whom a released time is offered to: the line oldest first, only those it suits, at most a few, each once.</summary>
public class WaitlistOffersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Released = Now.AddDays(2);

    private readonly Mock<IWaitlist> waitlist = new();
    private readonly Mock<IAppointments> appointments = new();
    private readonly Mock<INoticeQueue> queue = new();
    private readonly List<Notice> written = [];

    public WaitlistOffersTests()
    {
        appointments.Setup(a => a.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        appointments.Setup(a => a.AddNoticeAsync(It.IsAny<Notice>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Notice n, CancellationToken _) =>
            {
                var fresh = written.All(w => w.NoticeId != n.NoticeId);
                written.Add(n);
                return fresh;
            });
    }

    [Fact]
    public async Task The_oldest_waiting_patients_the_time_suits_are_told_and_no_more_than_the_setting()
    {
        Line(Entry("p1", Now.AddDays(-3)), Entry("p2", Now.AddDays(-2), from: Released.AddHours(1)), Entry("p3", Now.AddDays(-1)), Entry("p4", Now.AddHours(-5)), Entry("p5", Now.AddHours(-1)));

        var told = await Offers(offers: 2).OfferAsync(Appointment("leaver"), VisitType(), Now, default);

        Assert.Equal(2, told);
        Assert.Equal(["p1", "p3"], written.Select(n => n.PatientId));
        Assert.All(written, n => Assert.Equal((NoticeKind.WaitlistSlotOpened, (DateTimeOffset?)Released), (n.Kind, n.Details.When)));
        queue.Verify(q => q.EnqueueAsync(It.IsAny<NoticeReference>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Expired_left_and_orphaned_rows_leave_the_line_and_the_releasing_patient_is_not_told()
    {
        var expired = Entry("p1", Now.AddDays(-9), until: Now.AddMinutes(-1));
        var left = Entry("p2", Now.AddDays(-8)) with { Status = WaitlistStatus.Left };
        var orphan = Entry("p3", Now.AddDays(-7));
        Line(expired, left, orphan, Entry("leaver", Now.AddDays(-6)), Entry("p5", Now.AddDays(-5)));
        waitlist.Setup(w => w.FindAsync("p3", orphan.EntryId, It.IsAny<CancellationToken>())).ReturnsAsync((Versioned<WaitlistEntry>?)null);

        var told = await Offers().OfferAsync(Appointment("leaver"), VisitType(), Now, default);

        Assert.Equal(1, told);
        Assert.Equal(["p5"], written.Select(n => n.PatientId));
        waitlist.Verify(w => w.RemoveAsync(It.Is<WaitlistSpot>(s => s.PatientId == "p1" || s.PatientId == "p2" || s.PatientId == "p3"), It.IsAny<CancellationToken>()), Times.Exactly(3));
        waitlist.Verify(w => w.RemoveAsync(It.Is<WaitlistSpot>(s => s.PatientId == "leaver" || s.PatientId == "p5"), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_patient_holding_an_earlier_visit_or_busy_then_is_passed_over()
    {
        Line(Entry("early", Now.AddDays(-3)), Entry("busy", Now.AddDays(-2)), Entry("later", Now.AddDays(-1)));
        Holds("early", Appointment("early", "follow-up", Released.AddDays(-1)));
        Holds("busy", Appointment("busy", "new-patient", Released.AddMinutes(15)));
        Holds("later", Appointment("later", "follow-up", Released.AddDays(5)));

        await Offers().OfferAsync(Appointment("leaver"), VisitType(), Now, default);

        Assert.Equal(["later"], written.Select(n => n.PatientId));
    }

    [Fact]
    public async Task A_release_handled_twice_tells_each_patient_once_and_a_time_too_soon_to_book_online_is_not_offered()
    {
        Line(Entry("p1", Now.AddDays(-3)));
        var offers = Offers();

        Assert.Equal(1, await offers.OfferAsync(Appointment("leaver"), VisitType(), Now, default));
        Assert.Equal(1, await offers.OfferAsync(Appointment("leaver"), VisitType(), Now.AddMinutes(5), default));
        Assert.Equal(0, await offers.OfferAsync(Appointment("leaver"), VisitType(noticeHours: 72), Now, default));
        Assert.Equal(0, await offers.OfferAsync(Appointment("leaver"), null, Now, default));

        Assert.Single(written.Select(n => n.NoticeId).Distinct());
        queue.Verify(q => q.EnqueueAsync(It.IsAny<NoticeReference>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private WaitlistOffers Offers(int offers = 3) => new(
        waitlist.Object, appointments.Object, queue.Object, Options.Create(new SchedulingOptions { WaitlistOffers = offers }), NullLogger<WaitlistOffers>.Instance);

    private void Line(params WaitlistEntry[] entries)
    {
        waitlist.Setup(w => w.LineAsync("dr-chen", "follow-up", WaitlistOffers.MaxLine, It.IsAny<CancellationToken>())).ReturnsAsync([.. entries.Select(e => e.Spot)]);
        foreach (var entry in entries)
        {
            waitlist.Setup(w => w.FindAsync(entry.PatientId, entry.EntryId, It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<WaitlistEntry>(entry, "e1"));
        }
    }

    private void Holds(string patientId, Appointment appointment) =>
        appointments.Setup(a => a.ListAsync(patientId, It.IsAny<CancellationToken>())).ReturnsAsync([new Versioned<Appointment>(appointment, "e2")]);

    private static WaitlistEntry Entry(string patientId, DateTimeOffset created, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        new(patientId, $"w-{patientId}", "follow-up", "dr-chen", from ?? created, until ?? Now.AddDays(30), WaitlistStatus.Waiting, patientId, created, created);

    private static Appointment Appointment(string patientId, string visitType = "follow-up", DateTimeOffset? start = null)
    {
        var at = start ?? Released;
        return new(patientId, $"a-{patientId}-{at:HHmm}", visitType, "dr-chen", "lakeview", at, at.AddMinutes(30), AppointmentStatus.Booked, "Check-up", patientId,
            Now.AddDays(-10), null, 0, null, null, null, null, Now);
    }
}
