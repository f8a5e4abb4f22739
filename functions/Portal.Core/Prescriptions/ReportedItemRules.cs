using System.Globalization;
using Portal.Core.Common;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>What a report must say, what it becomes in the record's models, stopping it, and reconciling it.</summary>
public static class ReportedItemRules
{
    /// <summary>The system of the identifier a reconciled item carries: the report it came from.</summary>
    public const string ReportSystem = "urn:portal:patient-reported";

    /// <summary>The field errors of a reported medication.</summary>
    public static FieldErrors Validate(NewReportedMedication report)
    {
        var errors = new FieldErrors();
        errors.RequireText(report.Name, "name", 200);
        errors.Require(Enum.IsDefined(report.Source), "source", "overTheCounter or otherClinician.");
        errors.OptionalText(report.DoseInstructions, "doseInstructions", 500);
        errors.OptionalText(report.Prescriber, "prescriber", 200);
        errors.OptionalText(report.Reason, "reason", 500);
        errors.Require(ClinicalTimes.IsValid(report.Start), "start", ClinicalTimes.Rule);
        return errors;
    }

    /// <summary>The field errors of a reported allergy.</summary>
    public static FieldErrors Validate(NewReportedAllergy report)
    {
        var errors = new FieldErrors();
        errors.RequireText(report.Substance, "substance", 200);
        var reactions = report.Reactions ?? [];
        errors.Require(reactions.Count <= 10, "reactions", "At most 10.");
        for (var i = 0; i < reactions.Count; i++)
        {
            errors.RequireText(reactions[i], $"reactions[{i}]", 200);
        }

        errors.Require(ClinicalTimes.IsValid(report.Onset), "onset", ClinicalTimes.Rule);
        errors.OptionalText(report.Note, "note", 500);
        return errors;
    }

    /// <summary>The reported medication in the record's model: active, as the patient takes it.</summary>
    public static RecordContent Content(NewReportedMedication report) => new(Medication: new Medication(
        report.Name.Trim(), [], Blank(report.DoseInstructions), Blank(report.Prescriber), report.Start, null, MedicationStatus.Active, Reason: Blank(report.Reason)));

    /// <summary>The reported allergy in the record's model: active and unconfirmed (the patient says so; no clinician has yet).</summary>
    public static RecordContent Content(NewReportedAllergy report) => new(Allergy: new Allergy(
        report.Substance.Trim(), [], report.Category, [.. (report.Reactions ?? []).Select(r => r.Trim())], report.Severity, null,
        AllergyClinicalStatus.Active, AllergyVerification.Unconfirmed, report.Onset, Blank(report.Note)));

    /// <summary>A new report.</summary>
    public static ReportedItem Reported(
        string patientId, string reportId, RecordContent content, ReportedSource? source, string by, string byName, string? onBehalfOf, DateTimeOffset now) =>
        new(patientId, reportId, content, source, by, byName, onBehalfOf, now, null, null, null);

    /// <summary>Marked stopped (a medication no longer taken, an allergy gone) on <paramref name="today"/>; 409 once stopped or reconciled.</summary>
    public static Result<ReportedItem> Stop(ReportedItem report, ReportStop stop, DateTimeOffset now, DateOnly today)
    {
        if (report.Reconciliation is not null)
        {
            return new Failure(FailureKind.Conflict, "Your care team has reviewed this already; tell them in a message that it changed.");
        }

        if (report.Stopped is not null)
        {
            return new Failure(FailureKind.Conflict, "This was marked stopped already.");
        }

        var errors = new FieldErrors();
        errors.OptionalText(stop.Note, "note", 500);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var content = report.Content switch
        {
            { Medication: { } m } => report.Content with { Medication = m with { Status = MedicationStatus.Stopped, End = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            { Allergy: { } a } => report.Content with { Allergy = a with { ClinicalStatus = AllergyClinicalStatus.Inactive } },
            _ => report.Content,
        };
        return report with { Content = content, Stopped = now, StopNote = Blank(stop.Note) };
    }

    /// <summary>The field errors of a reconciliation of <paramref name="report"/>, or a 409 when it was reconciled already.</summary>
    public static Failure? Check(ReportedItem report, ReportReconciliation body)
    {
        if (report.Reconciliation is not null)
        {
            return new Failure(FailureKind.Conflict, $"This report was reconciled already ({report.Reconciliation.Outcome.ToString().ToLowerInvariant()}).");
        }

        var errors = new FieldErrors();
        errors.Require(Enum.IsDefined(body.Outcome), "outcome", "accepted, edited or rejected.");
        errors.OptionalText(body.Note, "note", RefillRules.MaxText);
        if (body.Outcome == ReconcileOutcome.Rejected)
        {
            errors.Require(!string.IsNullOrWhiteSpace(body.Note), "note", "Say why it is not added to the record.");
        }

        if (body.Outcome == ReconcileOutcome.Edited)
        {
            if (body.Correction is not { } correction || !correction.IsWellFormed || correction.Section != report.Section)
            {
                errors.Add("correction", $"Exactly one model, of the report's section ({report.Section.Slug()}).");
            }
            else
            {
                errors.Require(ClinicalTimes.IsValid(correction.ClinicalTime), "correction", ClinicalTimes.Rule);
            }
        }
        else
        {
            errors.Require(body.Correction is null, "correction", "Only an edited reconciliation carries a correction.");
        }

        return errors.ToFailure();
    }

    /// <summary>
    /// The chart item a report becomes: version 1 is the report as the patient made it (by them, when they made it),
    /// version 2 what the clinician recorded, with the reconciliation as the reason; it carries the report's identifier.
    /// </summary>
    public static RecordItem ChartItem(ReportedItem report, RecordContent recorded, ReconcileOutcome outcome, TimeZoneInfo zone, DateTimeOffset now, string by, string byName)
    {
        var source = new SourceIdentifier(ReportSystem, report.ReportId);
        var clinicalDate = ClinicalTimes.ToInstant(recorded.ClinicalTime, zone) ?? report.ReportedAt;
        var asReported = new RecordItem(report.PatientId, RecordItemIds.New(clinicalDate, source), clinicalDate, report.Content.CurrentStatus, [source], false, null, 1,
            report.ReportedAt, report.ReportedBy, report.ReportedByName, report.Content, []);
        return asReported.Revise(recorded, null, false, null, now, by, byName, $"Reconciled from the patient's report ({outcome.ToString().ToLowerInvariant()})");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
