using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Messaging;
using Portal.Core.Profile;

namespace Portal.Core.Journal;

/// <summary>
/// Use case: the patient's side shares the journal of a date range with the care team — never silently, always on
/// their request — either as a PDF sent in a new conversation with the care-team pool (through Messaging's own upload
/// and start, so its rules, audit and notices apply; a caregiver needs <c>messages.write</c> too) or as FHIR resources
/// (Observation, QuestionnaireResponse) with a Provenance naming the patient as author. Either way the entries are marked
/// shared and the care team sees them from then on. With an Idempotency-Key a retry answers with the same share, and
/// every step below is keyed by the share's id, so a retry after a failure finishes it without a second message.
/// </summary>
public sealed class ShareJournal(
    IJournal journal, IProfiles profiles, JournalAccess access, UploadAttachment upload, StartThread start, IRequestReplays replays,
    IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>The longest range shared at once.</summary>
    public const int MaxDays = 366;

    /// <summary>The pool the journal is sent to.</summary>
    public const string CareTeamPool = "care-team";

    private const string Operation = "journal-share";

    /// <summary>The share; 400 (range, nothing in it), 403/404, 409 for a reused key.</summary>
    public Task<Result<JournalShare>> ExecuteAsync(Caller caller, string patientId, ShareRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var today = ClinicClock.DateOf(zone, clock.GetUtcNow());
        var errors = new FieldErrors();
        errors.Require(request.From <= request.Until, "from", "On or before until.");
        errors.Require(request.Until <= today, "until", "Today at the latest.");
        errors.Require(request.Until.DayNumber - request.From.DayNumber < MaxDays, "from", $"At most {MaxDays} days at once.");
        errors.Require(Enum.IsDefined(request.As), "as", "message or fhir.");
        errors.Require(request.Kinds is null || request.Kinds.All(Enum.IsDefined), "kinds", "symptom, sideEffect, measurement, wellBeing or note.");
        errors.OptionalText(request.Note, "note", 1_000);
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<JournalShare>>(invalid);
        }

        return access.RunAsync<JournalShare>(caller, patientId, write: true, $"patients/{patientId}/journal/shares", async visit =>
        {
            var claimed = await replays.ClaimAsync(
                caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { patientId, request }), () => "s" + Guid.NewGuid().ToString("N"), clock.GetUtcNow(), cancellationToken);
            if (!claimed.Succeeded)
            {
                return claimed.Failure;
            }

            var (replay, retry) = claimed.Value;
            if (retry && await journal.FindShareAsync(patientId, replay.ResourceId, cancellationToken) is { } done)
            {
                return done;
            }

            var kinds = request.Kinds?.Distinct().ToList() ?? [];
            var query = new JournalQuery(From: ListJournal.DayStart(zone, request.From), Until: ListJournal.DayStart(zone, request.Until.AddDays(1)));
            var entries = (await journal.AllAsync(patientId, query, cancellationToken)).Where(e => kinds.Count == 0 || kinds.Contains(e.Kind)).ToList();
            if (entries.Count == 0)
            {
                return Failure.Invalid("from", "There are no journal entries to share in these days.");
            }

            var share = new JournalShare(
                patientId, replay.ResourceId, request.From, request.Until, request.As, kinds, [.. entries.Select(e => new SharedEntry(e.EntryId, e.Kind))],
                replay.CreatedAt, caller.Subject, caller.DisplayName, visit.ActingAs == "proxy", null);
            if (request.As == ShareFormat.Message)
            {
                var sent = await SendAsync(visit, share, entries, request.Note, zone, cancellationToken);
                if (!sent.Succeeded)
                {
                    return sent.Failure;
                }

                share = share with { ThreadId = sent.Value };
            }

            try
            {
                await journal.ShareAsync(share, entries, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return new Failure(FailureKind.Conflict, "An entry in these days was deleted meanwhile; share again.");
            }

            return share;
        }, cancellationToken);
    }

    private async Task<Result<string>> SendAsync(
        ChartVisit visit, JournalShare share, IReadOnlyList<JournalEntry> entries, string? note, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var name = (await profiles.FindAsync(share.PatientId, cancellationToken))?.Value.DisplayName ?? share.PatientId;
        var pdf = JournalPdf.Write(name, share, entries, note, clinic.Value.Name, zone);
        var fileName = $"health-journal-{share.From:yyyy-MM-dd}-to-{share.Until:yyyy-MM-dd}.pdf";
        var uploaded = await upload.ExecuteAsync(visit.Caller, share.PatientId, new IncomingFile(fileName, "application/pdf", pdf), share.ShareId, cancellationToken);
        if (!uploaded.Succeeded)
        {
            return uploaded.Failure;
        }

        var message = $"My health journal from {share.From:MMM d} to {share.Until:MMM d, yyyy} ({entries.Count} entries) is attached."
            + (string.IsNullOrWhiteSpace(note) ? "" : "\n\n" + note.Trim());
        var thread = await start.ExecuteAsync(
            visit.Caller, share.PatientId, new NewThread(CareTeamPool, "My health journal", message, [uploaded.Value.AttachmentId]), share.ShareId, cancellationToken);
        return thread.Succeeded ? thread.Value.Thread.ThreadId : thread.Failure;
    }
}
