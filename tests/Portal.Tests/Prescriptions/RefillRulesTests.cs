using Portal.Core.Common;
using Portal.Core.Prescriptions;
using Portal.Core.Record;

namespace Portal.Tests.Prescriptions;

/// <summary>Which medications can be refilled here, run-out dates, and every step (legal and illegal) of a refill request.</summary>
public class RefillRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly Pharmacy Walgreens = new PharmacyDetails("Walgreens #4512", "1200 N State St, Chicago, IL", "+1 312-555-0142").ToPharmacy();

    private static Medication Lisinopril(int? refills = 3, bool controlled = false, MedicationStatus status = MedicationStatus.Active, string? lastFill = "2026-11-20", int? days = 30) => new(
        "Lisinopril 10 MG Oral Tablet", [], "1 tablet daily", "Dr. Patel", "2025-06-02", null, status, refills, days, null, lastFill, controlled);

    private static RefillRequest Requested() => RefillRules.Received(
        "pat-1", RefillRules.NewRequestId(At), [new RefillMedication(RecordItemIds.New(At, null), "Lisinopril", 1)], Walgreens, " Soon please. ", "p", "Pat", null, At, At.AddDays(4));

    [Fact]
    public void The_run_out_date_is_the_last_fill_else_the_start_plus_the_days_supply()
    {
        Assert.Equal(new DateOnly(2026, 12, 20), RefillRules.RunOut(Lisinopril()));
        Assert.Equal(new DateOnly(2025, 7, 2), RefillRules.RunOut(Lisinopril(lastFill: null)));
        Assert.Null(RefillRules.RunOut(Lisinopril(days: null)));
        Assert.Null(RefillRules.RunOut(Lisinopril(lastFill: "2026-11")));
        Assert.Equal(new DateOnly(2026, 12, 20), RefillRules.RunOut(Lisinopril(lastFill: "2026-11-20T09:30:00-06:00")));
    }

    [Fact]
    public void A_medication_says_why_it_cannot_be_refilled_here_and_what_to_do_instead()
    {
        Assert.True(RefillRules.Eligibility(Lisinopril(), null).CanRequest);
        Assert.True(RefillRules.Eligibility(Lisinopril(refills: null), null).CanRequest);
        foreach (var (medication, reason) in new[]
        {
            (Lisinopril(controlled: true), RefillBlock.ControlledSubstance),
            (Lisinopril(refills: 0), RefillBlock.NoRefillsLeft),
            (Lisinopril(status: MedicationStatus.Stopped), RefillBlock.Ended),
            (Lisinopril(status: MedicationStatus.Completed), RefillBlock.Ended),
            (Lisinopril(status: MedicationStatus.OnHold), RefillBlock.OnHold),
        })
        {
            var eligibility = RefillRules.Eligibility(medication, null);
            Assert.Equal((false, reason), (eligibility.CanRequest, eligibility.Reason));
            Assert.False(string.IsNullOrWhiteSpace(eligibility.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(eligibility.WhatToDo));
        }

        Assert.Equal((RefillBlock.RequestOpen, "req-1"), (RefillRules.Eligibility(Lisinopril(), "req-1").Reason, RefillRules.Eligibility(Lisinopril(), "req-1").OpenRequestId));
    }

    [Fact]
    public void Every_legal_step_is_kept_in_the_history_in_order()
    {
        var reviewed = RefillRules.Review(Requested(), new RefillReview(), At.AddHours(1), "dr", "Dr. Patel").Value!;
        var medicationId = reviewed.Medications[0].MedicationId;
        var approved = RefillRules.Approve(reviewed, new RefillApproval([new ApprovedMedication(medicationId, 5)], "Sent."), At.AddHours(2), "dr", "Dr. Patel").Value!;
        Assert.Equal([RefillState.Requested, RefillState.InReview, RefillState.Approved], approved.History.Select(h => h.State));
        Assert.Equal(("Soon please.", "Sent."), (approved.History[0].Note, approved.History[2].Note));
        Assert.Equal(5, Assert.Single(approved.Approval!).Refills);
        Assert.False(approved.IsOpen);

        Assert.Equal(RefillState.Denied, RefillRules.Deny(Requested(), new RefillDenial("Labs first."), At, "dr", "Dr").Value!.State);
        Assert.Equal(RefillState.Cancelled, RefillRules.Cancel(Requested(), At, "p", "Pat").Value!.State);
        var visit = new VisitNeeded("follow-up", "Follow-up visit", RefillRules.BookingLink("follow-up"));
        Assert.Equal(("/appointments/new?visitType=follow-up", RefillState.NeedsVisit), (RefillRules.NeedsVisit(reviewed, visit, null, At, "dr", "Dr").Value!.Visit!.BookingLink, RefillRules.NeedsVisit(reviewed, visit, null, At, "dr", "Dr").Value!.State));
    }

    [Fact]
    public void Every_illegal_step_is_a_conflict()
    {
        var requested = Requested();
        var medicationId = requested.Medications[0].MedicationId;
        var approval = new RefillApproval([new ApprovedMedication(medicationId, 1)]);
        var visit = new VisitNeeded("follow-up", "Follow-up visit", "/appointments/new?visitType=follow-up");
        var reviewed = RefillRules.Review(requested, new RefillReview(), At, "dr", "Dr").Value!;
        var closed = new[]
        {
            RefillRules.Cancel(requested, At, "p", "Pat").Value!,
            RefillRules.Approve(requested, approval, At, "dr", "Dr").Value!,
            RefillRules.Deny(requested, new RefillDenial("No."), At, "dr", "Dr").Value!,
            RefillRules.NeedsVisit(requested, visit, null, At, "dr", "Dr").Value!,
        };
        foreach (var request in closed)
        {
            Assert.Equal(FailureKind.Conflict, RefillRules.Cancel(request, At, "p", "Pat").Failure!.Kind);
            Assert.Equal(FailureKind.Conflict, RefillRules.Review(request, new RefillReview(), At, "dr", "Dr").Failure!.Kind);
            Assert.Equal(FailureKind.Conflict, RefillRules.Approve(request, approval, At, "dr", "Dr").Failure!.Kind);
            Assert.Equal(FailureKind.Conflict, RefillRules.Deny(request, new RefillDenial("No."), At, "dr", "Dr").Failure!.Kind);
            Assert.Equal(FailureKind.Conflict, RefillRules.NeedsVisit(request, visit, null, At, "dr", "Dr").Failure!.Kind);
        }

        // In review: not cancellable by the patient, not reviewable twice.
        Assert.Equal(FailureKind.Conflict, RefillRules.Cancel(reviewed, At, "p", "Pat").Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, RefillRules.Review(reviewed, new RefillReview(), At, "dr", "Dr").Failure!.Kind);
    }

    [Fact]
    public void An_approval_names_each_medication_once_with_sane_values()
    {
        var requested = Requested();
        var id = requested.Medications[0].MedicationId;
        Assert.Equal(FailureKind.Validation, RefillRules.Approve(requested, new RefillApproval([]), At, "dr", "Dr").Failure!.Kind);
        Assert.Equal(FailureKind.Validation, RefillRules.Approve(requested, new RefillApproval([new ApprovedMedication(id, 1), new ApprovedMedication(id, 1)]), At, "dr", "Dr").Failure!.Kind);
        var invalid = RefillRules.Approve(requested, new RefillApproval([new ApprovedMedication(id, 12, new RecordQuantity(0, "tablets"), 400)]), At, "dr", "Dr").Failure!;
        Assert.Equal(["medications[0].daysSupply", "medications[0].quantity", "medications[0].refills"], invalid.Errors!.Keys.Order());
        Assert.Equal(FailureKind.Validation, RefillRules.Deny(requested, new RefillDenial(" "), At, "dr", "Dr").Failure!.Kind);
    }

    [Fact]
    public void A_new_request_names_its_medications_once_and_one_pharmacy()
    {
        var id = RecordItemIds.New(At, null);
        var details = new PharmacyDetails("CVS", "1 Main St", "312 555 0100");
        Assert.True(RefillRules.Validate(new NewRefillRequest([id], Pharmacy: details)).IsEmpty);
        Assert.True(RefillRules.Validate(new NewRefillRequest([id], PharmacyId: details.ToPharmacy().PharmacyId)).IsEmpty);
        Assert.False(RefillRules.Validate(new NewRefillRequest([id], details.ToPharmacy().PharmacyId, details)).IsEmpty);
        Assert.False(RefillRules.Validate(new NewRefillRequest([id])).IsEmpty);
        Assert.False(RefillRules.Validate(new NewRefillRequest([], Pharmacy: details)).IsEmpty);
        Assert.False(RefillRules.Validate(new NewRefillRequest([.. Enumerable.Range(0, 11).Select(_ => RecordItemIds.New(At, null))], Pharmacy: details)).IsEmpty);
        Assert.False(RefillRules.Validate(new NewRefillRequest([id, id], Pharmacy: details)).IsEmpty);
        Assert.False(RefillRules.Validate(new NewRefillRequest(["not-an-id"], Pharmacy: details)).IsEmpty);
    }

    [Fact]
    public void The_same_pharmacy_typed_twice_is_one_pharmacy()
    {
        var one = new PharmacyDetails("CVS Pharmacy", "1 Main St", "(312) 555-0100").ToPharmacy();
        var same = new PharmacyDetails(" cvs pharmacy ", "1 MAIN ST", "312.555.0100").ToPharmacy();
        Assert.Equal(one.PharmacyId, same.PharmacyId);
        Assert.True(PharmacyDetails.IsPharmacyId(one.PharmacyId));
        Assert.NotEqual(one.PharmacyId, new PharmacyDetails("CVS Pharmacy", "2 Main St", "(312) 555-0100").ToPharmacy().PharmacyId);
    }

    [Fact]
    public void An_approval_records_the_new_fill_on_the_medication()
    {
        var refilled = RefillRules.Refilled(Lisinopril(), new ApprovedMedication("m", 5, new RecordQuantity(90, "tablets"), 90), new DateOnly(2026, 12, 1));
        Assert.Equal((5, 90, "2026-12-01"), (refilled.RefillsRemaining, refilled.DaysSupply, refilled.LastFillDate));
        Assert.Equal(new DateOnly(2027, 3, 1), RefillRules.RunOut(refilled));
        Assert.Equal(30, RefillRules.Refilled(Lisinopril(), new ApprovedMedication("m", 1), new DateOnly(2026, 12, 1)).DaysSupply);
    }
}
