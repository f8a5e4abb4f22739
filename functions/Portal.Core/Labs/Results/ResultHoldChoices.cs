using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Use cases: the patient's own hold choices (e.g. "hold pathology and genetic results until my clinician has reviewed
/// them, at most 7 days"). Read by the patient, caregivers with <c>results.read</c> and clinicians; changed only by the
/// patient or a caregiver with <c>results.write</c>, at any time, with the ETag they read. They apply to results that
/// arrive afterwards.
/// </summary>
public sealed class ResultHoldChoices(ILabResults results, ResultsAccess access, TimeProvider clock)
{
    /// <summary>The ETag of choices never saved.</summary>
    public const string DefaultsETag = "W/\"defaults\"";

    /// <summary>The choices with their ETag; 403/404.</summary>
    public async Task<Result<Versioned<ResultHoldPreferences>>> GetAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/results/hold-preferences", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await results.FindPreferencesAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, true, cancellationToken);
        return found ?? new Versioned<ResultHoldPreferences>(ResultHoldPreferences.None, DefaultsETag);
    }

    /// <summary>Replaces the choices; 400/403/404/412/428.</summary>
    public async Task<Result<Versioned<ResultHoldPreferences>>> ChangeAsync(
        Caller caller, string patientId, string? ifMatch, IReadOnlyList<CategoryHold>? holds, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the ETag of the choices you read in If-Match.");
        }

        var errors = new Dictionary<string, string[]>();
        holds ??= [];
        for (var i = 0; i < holds.Count; i++)
        {
            if (holds[i].Days is < 1 or > ResultHoldPreferences.MaxDays)
            {
                errors[$"holds[{i}].days"] = [$"1 to {ResultHoldPreferences.MaxDays} days."];
            }
        }

        if (holds.Select(h => h.Category).Distinct().Count() != holds.Count)
        {
            errors["holds"] = ["Name each category once."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var visit = await access.OpenAsync(caller, patientId, write: true, $"patients/{patientId}/results/hold-preferences", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (!ResultsAccess.IsPatientSide(visit.Value))
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Only the patient (or a caregiver they allowed) chooses to hold their results.");
        }

        var current = await results.FindPreferencesAsync(patientId, cancellationToken);
        var currentETag = current?.ETag ?? DefaultsETag;
        if (ifMatch != currentETag && ifMatch != "*")
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return new Failure(FailureKind.PreconditionFailed, "The choices changed since you read them; read them again.");
        }

        var saved = new ResultHoldPreferences([.. holds.OrderBy(h => h.Category)], caller.Subject, clock.GetUtcNow());
        try
        {
            var eTag = await results.SavePreferencesAsync(patientId, saved, current?.ETag, cancellationToken);
            await access.RecordAsync(visit.Value, true, cancellationToken);
            return new Versioned<ResultHoldPreferences>(saved, eTag);
        }
        catch (ConcurrencyConflictException)
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return new Failure(FailureKind.PreconditionFailed, "The choices changed since you read them; read them again.");
        }
    }
}
