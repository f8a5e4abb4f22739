using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Labs.Explanations;
using Portal.Core.Profile;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Use case: one result with every observation, unit, reference range, the clinician's comment, the performing lab,
/// and a plain-language explanation per observation in the patient's language. The patient's own first reading marks
/// it reviewed. A held result does not exist for the patient's side (404), as if it had not arrived yet.
/// </summary>
public sealed class ReadResult(ILabResults results, ResultsAccess access, IProfiles profiles, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>The result, its observations and their explanations; 403/404.</summary>
    public async Task<Result<ResultDetail>> ExecuteAsync(Caller caller, string patientId, string resultId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/results/{resultId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var patientSide = ResultsAccess.IsPatientSide(visit.Value);
        for (var attempt = 1; ; attempt++)
        {
            var found = await results.FindAsync(patientId, resultId, cancellationToken);
            if (found is null || (patientSide && !found.Value.IsReleased))
            {
                await access.RecordAsync(visit.Value, false, cancellationToken);
                return Failure.NotFound("The result");
            }

            var result = found.Value;
            if (visit.Value.ActingAs == "self" && result.ReviewedAt is null)
            {
                result = result with { ReviewedAt = clock.GetUtcNow() };
                try
                {
                    await results.WriteAsync(new LabChartWrite(patientId, [new ResultChange(result, found.ETag, found.Value.SortTime, null)], null, []), cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt < Attempts)
                {
                    continue;
                }
            }

            var observations = await results.ObservationsAsync(patientId, resultId, result.Version, cancellationToken);
            var language = (await profiles.FindAsync(patientId, cancellationToken))?.Value.PreferredLanguage;
            var explained = observations.Select(o => new ExplainedObservation(o, LabExplanations.Explain(o, language))).ToList();
            await access.RecordAsync(visit.Value, true, cancellationToken);
            return new ResultDetail(result, explained, patientSide);
        }
    }
}

/// <summary>A result as read: the result, its observations with explanations, and whether the reader is on the patient's side.</summary>
/// <param name="Result">The result.</param>
/// <param name="Observations">Its current observations, in order.</param>
/// <param name="PatientSide">True for the patient and caregivers (holds are not shown to them).</param>
public sealed record ResultDetail(LabResult Result, IReadOnlyList<ExplainedObservation> Observations, bool PatientSide);

/// <summary>An observation with its plain-language explanation, when one is known for its LOINC code.</summary>
/// <param name="Observation">The observation.</param>
/// <param name="Explanation">The explanation in the patient's language, or null.</param>
public sealed record ExplainedObservation(ResultObservation Observation, Explanation? Explanation);
