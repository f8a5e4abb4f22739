using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>A refill request as the patient (or a caregiver with <c>prescriptions.write</c>) sends it.</summary>
/// <param name="MedicationIds">One to 10 active medications of the record (their ids from the medications list).</param>
/// <param name="PharmacyId">A pharmacy from the patient's list; or send <paramref name="Pharmacy"/>.</param>
/// <param name="Pharmacy">A new pharmacy (it joins the patient's list); or send <paramref name="PharmacyId"/>.</param>
/// <param name="Note">A note for the care team (at most 1,000 characters).</param>
public sealed record NewRefillRequest(IReadOnlyList<string> MedicationIds, string? PharmacyId = null, PharmacyDetails? Pharmacy = null, string? Note = null);

/// <summary>An approval: the prescription sent to the pharmacy for each medication on the request.</summary>
/// <param name="Medications">Exactly the request's medications, each once, with the new refills (and quantity or days supply when they change).</param>
/// <param name="Note">A note for the patient (at most 1,000 characters).</param>
public sealed record RefillApproval(IReadOnlyList<ApprovedMedication> Medications, string? Note = null);

/// <summary>A denial, with the reason the patient reads in the portal (never in a text message).</summary>
/// <param name="Reason">Why (at most 1,000 characters).</param>
public sealed record RefillDenial(string Reason);

/// <summary>"The prescriber needs to see you first": the visit type the patient should book.</summary>
/// <param name="VisitTypeId">One of the clinic's visit types.</param>
/// <param name="Note">A note for the patient (at most 1,000 characters).</param>
public sealed record RefillVisitRequirement(string VisitTypeId, string? Note = null);

/// <summary>A clinician takes a request into review.</summary>
/// <param name="Note">A note kept with the step, if any (at most 1,000 characters).</param>
public sealed record RefillReview(string? Note = null);

/// <summary>One decision of a batch, on one request, under the ETag the decider read.</summary>
/// <param name="PatientId">Whose request.</param>
/// <param name="RequestId">Which.</param>
/// <param name="ETag">The request's ETag as read (If-Match of the single decision).</param>
/// <param name="Action">What to do.</param>
/// <param name="Approval">For <see cref="RefillAction.Approve"/>.</param>
/// <param name="Denial">For <see cref="RefillAction.Deny"/>.</param>
/// <param name="Visit">For <see cref="RefillAction.NeedsVisit"/>.</param>
public sealed record RefillBatchDecision(
    string PatientId, string RequestId, string ETag, RefillAction Action, RefillApproval? Approval = null, RefillDenial? Denial = null, RefillVisitRequirement? Visit = null);

/// <summary>A batch of decisions (at most 25), each taken, audited and answered on its own.</summary>
/// <param name="Decisions">The decisions.</param>
public sealed record RefillBatch(IReadOnlyList<RefillBatchDecision> Decisions);

/// <summary>What a decision does.</summary>
public enum RefillAction
{
    /// <summary>Take it into review.</summary>
    Review,

    /// <summary>Approve it.</summary>
    Approve,

    /// <summary>Deny it.</summary>
    Deny,

    /// <summary>Ask for a visit first.</summary>
    NeedsVisit,
}

/// <summary>The result of one decision of a batch.</summary>
/// <param name="PatientId">Whose request.</param>
/// <param name="RequestId">Which.</param>
/// <param name="Status">The HTTP status the single decision would have answered (200, 400, 403, 404, 409, 412).</param>
/// <param name="Request">The request after the decision, when it was taken.</param>
/// <param name="ETag">Its new ETag, when it was taken.</param>
/// <param name="Detail">Why not, when it was not.</param>
/// <param name="Errors">Field errors, for a 400.</param>
public sealed record RefillBatchResult(
    string PatientId, string RequestId, int Status, RefillRequest? Request, string? ETag, string? Detail, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>A medication the patient reports taking (over the counter, or from another doctor).</summary>
/// <param name="Name">What it is (at most 200 characters).</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="DoseInstructions">How the patient takes it (at most 500 characters).</param>
/// <param name="Prescriber">The other doctor, when prescribed elsewhere (at most 200 characters).</param>
/// <param name="Reason">Why the patient takes it (at most 500 characters).</param>
/// <param name="Start">When they started: FHIR date (<c>2024</c>, <c>2024-05</c>, <c>2024-05-02</c>), if known.</param>
public sealed record NewReportedMedication(string Name, ReportedSource Source, string? DoseInstructions = null, string? Prescriber = null, string? Reason = null, string? Start = null);

/// <summary>An allergy the patient reports.</summary>
/// <param name="Substance">What they react to (at most 200 characters).</param>
/// <param name="Reactions">What happens (each at most 200 characters, at most 10).</param>
/// <param name="Category">Food, medication, environment or biologic, if known.</param>
/// <param name="Severity">How bad the worst reaction was, if known.</param>
/// <param name="Onset">When it started: FHIR date, if known.</param>
/// <param name="Note">Anything else (at most 500 characters).</param>
public sealed record NewReportedAllergy(
    string Substance, IReadOnlyList<string>? Reactions = null, AllergyCategory? Category = null, AllergySeverity? Severity = null, string? Onset = null, string? Note = null);

/// <summary>A clinician's reconciliation of a reported item into the chart.</summary>
/// <param name="Outcome">Accept as reported, accept as edited, or reject.</param>
/// <param name="Note">For the patient; required to reject (at most 1,000 characters).</param>
/// <param name="Correction">For <see cref="ReconcileOutcome.Edited"/>: the item's content as the clinician records it (the report's kind).</param>
public sealed record ReportReconciliation(ReconcileOutcome Outcome, string? Note = null, RecordContent? Correction = null);

/// <summary>A patient marks something they reported as stopped (a medication no longer taken, an allergy gone).</summary>
/// <param name="Note">Why, or when (at most 500 characters).</param>
public sealed record ReportStop(string? Note = null);
