using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Journal;
using Portal.Core.Labs.Results;
using Portal.Core.Messaging;
using Portal.Core.Profile;

namespace Portal.Core.SelfCheck;

/// <summary>
/// Use case: the portal self-check, computed from the patient's own use of the portal. Every source is read once, in
/// parallel, each one bounded request (see docs/PERFORMANCE.md), for this patient's partition only. For the patient and
/// for caregivers whose grant has <c>records.read</c> (they see the patient's habits, without confidential items or the
/// patient's caregiver grants, and their own habits apart); staff have no self-check of a patient (403).
/// </summary>
public sealed class GetSelfCheck(
    ISelfCheckRecords records, ILabResults results, IMessageThreads threads, IJournal journal, IAuditLog audit, IPatientLinks links, IProfiles profiles,
    JournalAccess access, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>The report; 400 (language), 403/404.</summary>
    public Task<Result<SelfCheckReport>> ExecuteAsync(Caller caller, string patientId, string? language, CancellationToken cancellationToken)
    {
        if (language is not (null or "en" or "es"))
        {
            return Task.FromResult<Result<SelfCheckReport>>(Failure.Invalid("lang", "en or es."));
        }

        return access.RunAsync<SelfCheckReport>(caller, patientId, write: false, $"patients/{patientId}/self-check", async visit =>
        {
            if (!JournalAccess.IsPatientSide(visit))
            {
                return new Failure(FailureKind.Forbidden, "The self-check is the patient's own (and their caregivers').");
            }

            var now = clock.GetUtcNow();
            var since = now.AddMonths(-SelfCheckContext.WindowMonths);
            var facts = await GatherAsync(patientId, since, now, cancellationToken);
            var spanish = language is null ? facts.Language?.StartsWith("es", StringComparison.OrdinalIgnoreCase) == true : language == "es";
            var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
            var caregiver = visit.ActingAs == "proxy";

            // The patient's habits are those of the subjects that sign in as the patient.
            var patientSubjects = caregiver
                ? facts.Facts.Accesses.Where(e => e.ActingAs == "self").Select(e => e.ActorSubject).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal) { caller.Subject };
            var patient = new SelfCheckContext(now, since, zone, spanish, patientSubjects, "self", caregiver);
            IReadOnlyList<SelfCheckAnswer> answers =
            [
                ReviewingAnswer.Of(facts.Facts, patient),
                MessagingAnswer.Of(facts.Facts, patient),
                AccuracyAnswer.Of(facts.Facts, patient),
                LoggingInAnswer.Of(facts.Facts, patient),
                SecurityAnswer.Of(facts.Facts, patient),
                ExploringAnswer.Of(facts.Facts, patient),
            ];
            IReadOnlyList<SelfCheckAnswer>? yours = null;
            if (caregiver)
            {
                var own = patient with { Subjects = new HashSet<string>(StringComparer.Ordinal) { caller.Subject }, ActingAs = "proxy" };
                yours = [ReviewingAnswer.Of(facts.Facts, own, withResults: false), LoggingInAnswer.Of(facts.Facts, own)];
            }

            return new SelfCheckReport(patientId, now, since, spanish ? "es" : "en", caregiver ? "caregiver" : "patient", answers, yours);
        }, cancellationToken);
    }

    private async Task<(SelfCheckFacts Facts, string? Language)> GatherAsync(string patientId, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var visits = records.VisitsSinceAsync(patientId, since, cancellationToken);
        var marks = records.MarksAsync(patientId, cancellationToken);
        var released = results.AllAsync(patientId, releasedOnly: true, cancellationToken);
        var conversations = threads.ListAsync(patientId, cancellationToken);
        var confirmations = records.ConfirmationsAsync(patientId, cancellationToken);
        var accesses = audit.PatientSideAsync(patientId, since, now, cancellationToken);
        var grants = links.CaregiversAsync(patientId, cancellationToken);
        var feed = records.CalendarFeedInUseAsync(patientId, cancellationToken);
        var sideEffects = journal.AllAsync(patientId, new JournalQuery(JournalKind.SideEffect, since, now), cancellationToken);
        var profile = profiles.FindAsync(patientId, cancellationToken);
        await Task.WhenAll(visits, marks, released, conversations, confirmations, accesses, grants, feed, sideEffects, profile);
        return (
            new SelfCheckFacts(
                await visits, await marks, await released, await conversations, await confirmations, await accesses, await grants, await feed,
                (await sideEffects).Count(e => !e.IsShared)),
            (await profile)?.Value.PreferredLanguage);
    }
}
