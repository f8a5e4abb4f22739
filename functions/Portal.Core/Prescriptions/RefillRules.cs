using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>The refill rules: which medications can be refilled through the portal, run-out dates, and the request's state machine.</summary>
public static class RefillRules
{
    /// <summary>The most medications on one request.</summary>
    public const int MaxMedications = 10;

    /// <summary>The longest note, reason or decision text.</summary>
    public const int MaxText = 1000;

    /// <summary>The most refills one approval may give (a year of monthly fills on a 12-month prescription).</summary>
    public const int MaxRefills = 11;

    /// <summary>A request's id: inverted ticks of its receipt (newest first) and a random part.</summary>
    public static string NewRequestId(DateTimeOffset now) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>True for text shaped like a request (or report) id.</summary>
    public static bool IsRequestId(string? id) => RecordItemIds.IsValid(id);

    /// <summary>
    /// The estimated run-out date: the last fill (else the start) plus the days supply; null unless both are known to
    /// the day. A refill on the run-out date is on time.
    /// </summary>
    public static DateOnly? RunOut(Medication medication) =>
        FillDate(medication) is { } filled && medication.DaysSupply is > 0 and <= 3650 ? filled.AddDays(medication.DaysSupply.Value) : null;

    /// <summary>The day the current fill began: the last fill date, else (never filled since) the start; null unless known to the day.</summary>
    public static DateOnly? FillDate(Medication medication) => medication.LastFillDate is { } filled ? Day(filled) : Day(medication.Start);

    /// <summary>Whether the medication can be refilled through the portal now.</summary>
    /// <param name="medication">The medication.</param>
    /// <param name="openRequestId">The open request that names it, if any.</param>
    public static RefillEligibility Eligibility(Medication medication, string? openRequestId) => medication switch
    {
        { Status: MedicationStatus.Stopped or MedicationStatus.Completed } => Blocked(RefillBlock.Ended,
            "This medication was stopped or completed.", "If you still need it, send your care team a message or book a visit."),
        { Status: MedicationStatus.OnHold } => Blocked(RefillBlock.OnHold,
            "Your prescriber paused this medication.", "Send your care team a message before taking or refilling it."),
        { ControlledSubstance: true } => Blocked(RefillBlock.ControlledSubstance,
            "This is a controlled substance: federal and state rules require the prescriber to write each new prescription.",
            "Call the clinic or book a visit with your prescriber."),
        { RefillsRemaining: 0 } => Blocked(RefillBlock.NoRefillsLeft,
            "No refills are left on this prescription, and your prescriber needs to see you before renewing it.",
            "Book a visit with your prescriber; bring your medication list."),
        _ when openRequestId is not null => new RefillEligibility(false, RefillBlock.RequestOpen,
            "A refill request for this medication is already open.", "Follow the open request; you can cancel it while it is requested.", openRequestId),
        _ => new RefillEligibility(true, null, null, null),
    };

    /// <summary>The field errors of a new request.</summary>
    public static FieldErrors Validate(NewRefillRequest request)
    {
        var errors = new FieldErrors();
        var ids = request.MedicationIds ?? [];
        errors.Require(ids.Count is >= 1 and <= MaxMedications, "medicationIds", $"One to {MaxMedications} medications.");
        for (var i = 0; i < ids.Count; i++)
        {
            errors.Require(RecordItemIds.IsValid(ids[i]), $"medicationIds[{i}]", "A medication's id from your medications list.");
            errors.Require(ids.Take(i).All(id => id != ids[i]), $"medicationIds[{i}]", "This medication is listed twice.");
        }

        if ((request.PharmacyId is null) == (request.Pharmacy is null))
        {
            errors.Add("pharmacyId", "Choose a pharmacy from your list (pharmacyId) or enter a new one (pharmacy), not both.");
        }
        else if (request.Pharmacy is { } pharmacy)
        {
            pharmacy.Validate(errors, "pharmacy");
        }
        else
        {
            errors.Require(PharmacyDetails.IsPharmacyId(request.PharmacyId), "pharmacyId", "A pharmacy id from your pharmacies list.");
        }

        errors.OptionalText(request.Note, "note", MaxText);
        return errors;
    }

    /// <summary>The request as received now.</summary>
    public static RefillRequest Received(
        string patientId, string requestId, IReadOnlyList<RefillMedication> medications, Pharmacy pharmacy, string? note,
        string by, string byName, string? onBehalfOf, DateTimeOffset now, DateTimeOffset dueAt) =>
        new(patientId, requestId, medications, pharmacy, Blank(note), by, byName, onBehalfOf, now, dueAt, RefillState.Requested,
            [new RefillStep(RefillState.Requested, now, by, byName, Blank(note))]);

    /// <summary>Cancelled by the patient's side; 409 unless it is still requested.</summary>
    public static Result<RefillRequest> Cancel(RefillRequest request, DateTimeOffset now, string by, string byName) =>
        request.State == RefillState.Requested
            ? Move(request, RefillState.Cancelled, now, by, byName, null)
            : new Failure(FailureKind.Conflict, request.State == RefillState.InReview
                ? "Your care team is already reviewing this request; send them a message instead."
                : $"The request was {Describe(request.State)} already.");

    /// <summary>Taken into review; 409 unless it is requested.</summary>
    public static Result<RefillRequest> Review(RefillRequest request, RefillReview review, DateTimeOffset now, string by, string byName)
    {
        if (request.State != RefillState.Requested)
        {
            return new Failure(FailureKind.Conflict, $"The request was {Describe(request.State)} already.");
        }

        var errors = new FieldErrors();
        errors.OptionalText(review.Note, "note", MaxText);
        return errors.ToFailure() is { } invalid ? invalid : Move(request, RefillState.InReview, now, by, byName, review.Note);
    }

    /// <summary>Approved with the new prescriptions; 409 unless open; 400 unless it names exactly the request's medications with sane values.</summary>
    public static Result<RefillRequest> Approve(RefillRequest request, RefillApproval approval, DateTimeOffset now, string by, string byName)
    {
        if (Closed(request) is { } closed)
        {
            return closed;
        }

        var errors = new FieldErrors();
        var given = approval.Medications ?? [];
        errors.Require(
            given.Select(m => m.MedicationId).Order(StringComparer.Ordinal).SequenceEqual(request.Medications.Select(m => m.MedicationId).Order(StringComparer.Ordinal)),
            "medications", "Name each medication of the request once.");
        for (var i = 0; i < given.Count; i++)
        {
            errors.Require(given[i].Refills is >= 0 and <= MaxRefills, $"medications[{i}].refills", $"0 to {MaxRefills}.");
            errors.Require(given[i].DaysSupply is null or (>= 1 and <= 365), $"medications[{i}].daysSupply", "1 to 365 days.");
            errors.Require(given[i].Quantity is null || given[i].Quantity!.Value > 0, $"medications[{i}].quantity", "More than zero.");
        }

        errors.OptionalText(approval.Note, "note", MaxText);
        return errors.ToFailure() is { } invalid
            ? invalid
            : Move(request, RefillState.Approved, now, by, byName, approval.Note) with { Approval = given };
    }

    /// <summary>Denied with a reason; 409 unless open; 400 without one.</summary>
    public static Result<RefillRequest> Deny(RefillRequest request, RefillDenial denial, DateTimeOffset now, string by, string byName)
    {
        if (Closed(request) is { } closed)
        {
            return closed;
        }

        var errors = new FieldErrors();
        errors.RequireText(denial.Reason, "reason", MaxText);
        return errors.ToFailure() is { } invalid
            ? invalid
            : Move(request, RefillState.Denied, now, by, byName, denial.Reason) with { DenialReason = denial.Reason.Trim() };
    }

    /// <summary>A visit is needed first, of the type given; 409 unless open.</summary>
    public static Result<RefillRequest> NeedsVisit(RefillRequest request, VisitNeeded visit, string? note, DateTimeOffset now, string by, string byName)
    {
        if (Closed(request) is { } closed)
        {
            return closed;
        }

        var errors = new FieldErrors();
        errors.OptionalText(note, "note", MaxText);
        return errors.ToFailure() is { } invalid
            ? invalid
            : Move(request, RefillState.NeedsVisit, now, by, byName, note) with { Visit = visit };
    }

    /// <summary>Where the patient books a visit type in the portal.</summary>
    public static string BookingLink(string visitTypeId) => $"/appointments/new?visitType={Uri.EscapeDataString(visitTypeId)}";

    /// <summary>The medication after an approval: the new refills (quantity, days supply), filled today at the pharmacy it was sent to.</summary>
    public static Medication Refilled(Medication medication, ApprovedMedication approved, DateOnly today) => medication with
    {
        RefillsRemaining = approved.Refills,
        Quantity = approved.Quantity ?? medication.Quantity,
        DaysSupply = approved.DaysSupply ?? medication.DaysSupply,
        LastFillDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The reason an approval's change is kept under in the medication's history.</summary>
    public static string ApprovalReason(string requestId) => $"Refill request {requestId} approved";

    /// <summary>The 409 for a step on a closed request, or null while it is open.</summary>
    public static Failure? Closed(RefillRequest request) =>
        request.IsOpen ? null : new Failure(FailureKind.Conflict, $"The request was {Describe(request.State)} already.");

    private static RefillRequest Move(RefillRequest request, RefillState state, DateTimeOffset now, string by, string byName, string? note) =>
        request with { State = state, History = [.. request.History, new RefillStep(state, now, by, byName, Blank(note))] };

    private static string Describe(RefillState state) => state switch
    {
        RefillState.InReview => "taken into review",
        RefillState.NeedsVisit => "answered with a visit needed",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static RefillEligibility Blocked(RefillBlock reason, string explanation, string whatToDo) => new(false, reason, explanation, whatToDo);

    private static DateOnly? Day(string? fhirDate) =>
        fhirDate is { Length: >= 10 } && DateOnly.TryParseExact(fhirDate[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
