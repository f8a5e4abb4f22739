using Portal.Core.Common;

namespace Portal.Core.Record;

/// <summary>What a clinician may write through the portal API.</summary>
public static class PublishingRules
{
    private const int Line = 500;
    private const int Name = 200;
    private const int MaxLines = 50;

    /// <summary>The longest after-visit summary.</summary>
    public const int MaxSummaryLength = 20_000;

    /// <summary>Checks a visit summary.</summary>
    public static FieldErrors Validate(VisitSummaryRequest request)
    {
        var errors = new FieldErrors();
        errors.RequireText(request.Type, "type", Name);
        errors.RequireText(request.Summary, "summary", MaxSummaryLength);
        errors.OptionalText(request.Provider, "provider", Name);
        errors.OptionalText(request.Location, "location", Name);
        errors.OptionalText(request.Reason, "reason", Line);
        errors.Require(request.End is null || request.End >= request.Start, "end", "Not before the start.");
        Lines(errors, "instructions", request.Instructions ?? []);
        Lines(errors, "diagnoses", [.. (request.Diagnoses ?? []).Select(d => d.Text)]);
        Lines(errors, "followUps", [.. (request.FollowUps ?? []).Select(f => f.Instruction)]);
        foreach (var (followUp, index) in (request.FollowUps ?? []).Select((f, i) => (f, i)))
        {
            errors.Require(ClinicalTimes.IsValid(followUp.Due), $"followUps[{index}].due", ClinicalTimes.Rule);
        }

        return errors;
    }

    /// <summary>Checks a new medication.</summary>
    public static FieldErrors Validate(NewMedication request)
    {
        var errors = new FieldErrors();
        errors.RequireText(request.Name, "name", Name);
        errors.RequireText(request.DoseInstructions, "doseInstructions", Line);
        errors.OptionalText(request.Prescriber, "prescriber", Name);
        errors.OptionalText(request.Reason, "reason", Line);
        errors.Require(request.RxNormCode is null || (request.RxNormCode.Length <= 16 && request.RxNormCode.All(char.IsAsciiDigit)), "rxNormCode", "Digits only (an RxNorm concept id).");
        errors.Require(ClinicalTimes.IsValid(request.Start, optional: false), "start", ClinicalTimes.Rule);
        errors.Require(ClinicalTimes.IsValid(request.End), "end", ClinicalTimes.Rule);
        errors.Require(request.RefillsRemaining is null or (>= 0 and <= 99), "refillsRemaining", "0 to 99.");
        errors.Require(request.DaysSupply is null or (>= 1 and <= 365), "daysSupply", "1 to 365.");
        errors.Require(request.Quantity is null || request.Quantity.Value > 0, "quantity.value", "More than 0.");
        errors.Require(request.VisitId is null || RecordItemIds.IsValid(request.VisitId), "visitId", "A visit id from the record.");
        return errors;
    }

    /// <summary>Checks a medication's end.</summary>
    public static FieldErrors Validate(MedicationEnd request)
    {
        var errors = new FieldErrors();
        errors.Require(request.Status is MedicationStatus.Stopped or MedicationStatus.Completed, "status", "stopped or completed.");
        errors.Require(ClinicalTimes.IsValid(request.End), "end", ClinicalTimes.Rule);
        errors.OptionalText(request.Reason, "reason", Line);
        errors.Require(request.VisitId is null || RecordItemIds.IsValid(request.VisitId), "visitId", "A visit id from the record.");
        return errors;
    }

    private static void Lines(FieldErrors errors, string field, IReadOnlyList<string> lines)
    {
        errors.Require(lines.Count <= MaxLines, field, $"At most {MaxLines}.");
        for (var index = 0; index < lines.Count; index++)
        {
            errors.RequireText(lines[index], $"{field}[{index}]", Line);
        }
    }
}
