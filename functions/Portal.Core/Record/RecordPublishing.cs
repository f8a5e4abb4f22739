using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Record;

/// <summary>
/// How clinicians write to the record through the portal API: the gate (records.write through the policy, and the
/// Clinician role: a patient or caregiver reads their record but does not write it), creating an item (with an
/// Idempotency-Key replay) or changing one under its ETag, each with the patient's notice in the same transaction, audited.
/// </summary>
public sealed class RecordPublishing(
    IHealthRecord record, ChartAccess access, IRequestReplays replays, INoticeQueue notices, IOptions<ClinicOptions> clinic, TimeProvider clock, ILogger<RecordPublishing> logger)
{
    /// <summary>What a change makes of the stored item, or a failure.</summary>
    public delegate Task<Result<RecordItem>> Change(ChartVisit visit, RecordItem item, DateTimeOffset now);

    /// <summary>What a new item is, given its id and the time, or a failure.</summary>
    public delegate Task<Result<RecordItem>> Create(ChartVisit visit, string itemId, DateTimeOffset now);

    /// <summary>The clinic's time zone, for dates without a time.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    /// <summary>Creates an item; with an Idempotency-Key a retry answers with the same item.</summary>
    public async Task<Result<Versioned<RecordItem>>> CreateAsync<TRequest>(
        Caller caller, string patientId, RecordSection section, TRequest request, string? idempotencyKey, DateTimeOffset clinicalDate, Create create, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.IsValidOrAbsent(idempotencyKey))
        {
            return Failure.Invalid(IdempotencyKeys.Field, IdempotencyKeys.Rule);
        }

        var visit = await OpenAsync(caller, patientId, $"patients/{patientId}/{section.Slug()}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await CreateAsync(visit.Value, section, request, idempotencyKey, clinicalDate, create, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    /// <summary>Changes an item under the ETag the caller read (428 without one, 412 when stale).</summary>
    public async Task<Result<Versioned<RecordItem>>> ChangeAsync(
        Caller caller, string patientId, RecordSection section, string itemId, string? ifMatch, string action, Change change, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the item's ETag in If-Match to change it.");
        }

        var visit = await OpenAsync(caller, patientId, $"patients/{patientId}/{section.Slug()}/{itemId}{action}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await ChangeAsync(visit.Value, section, itemId, ifMatch, change, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    /// <summary>The visit's id when it is a visit of the record, or a 400 on <paramref name="field"/>.</summary>
    public async Task<Result<string?>> VisitAsync(string patientId, string? visitId, string field, CancellationToken cancellationToken) =>
        visitId is null ? (string?)null
        : await record.FindAsync(patientId, RecordSection.Visits, visitId, cancellationToken) is not null ? visitId
        : Failure.Invalid(field, "No visit of this record has this id.");

    private async Task<Result<ChartVisit>> OpenAsync(Caller caller, string patientId, string resource, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Records), resource, cancellationToken);
        if (visit.Succeeded && !caller.IsInRole(AppRoles.Clinician))
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Denied, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Only clinicians write to the record; ask for an amendment to correct it.");
        }

        return visit;
    }

    private async Task<Result<Versioned<RecordItem>>> CreateAsync<TRequest>(
        ChartVisit visit, RecordSection section, TRequest request, string? idempotencyKey, DateTimeOffset clinicalDate, Create create, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var operation = "record-" + section.Slug();
        var requestHash = IdempotencyKeys.Hash(new { visit.PatientId, request });
        var replay = idempotencyKey is null ? null : await replays.FindAsync(visit.Caller.Subject, operation, idempotencyKey, cancellationToken);
        if (replay is not null && replay.IsLive(now) && replay.RequestHash != requestHash)
        {
            return new Failure(FailureKind.Conflict, "This Idempotency-Key was used for a different request.");
        }

        if (replay is null || !replay.IsLive(now))
        {
            replay = new RequestReplay(visit.Caller.Subject, operation, idempotencyKey ?? "", requestHash, RecordItemIds.New(clinicalDate, null), now);
            if (idempotencyKey is not null)
            {
                await replays.SaveAsync(replay, cancellationToken);
            }
        }
        else if (await record.FindAsync(visit.PatientId, section, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return new Versioned<RecordItem>(earlier.Value, earlier.Value.ETag);
        }

        // Everything below follows from the replay, so a retry writes the very same item.
        var item = await create(visit, replay.ResourceId, replay.CreatedAt);
        if (!item.Succeeded)
        {
            return item.Failure;
        }

        var notice = Notice.Create(visit.PatientId, NoticeKind.NewRecordInformation, NoticeDetails.None, "/record", now);
        await record.WriteAsync(new RecordWrite(visit.PatientId, WriteId(item.Value), [new RecordChange(null, null, item.Value)], notice), cancellationToken);
        await notices.TryEnqueueAsync(notice, logger, cancellationToken);
        return new Versioned<RecordItem>(item.Value, item.Value.ETag);
    }

    private async Task<Result<Versioned<RecordItem>>> ChangeAsync(
        ChartVisit visit, RecordSection section, string itemId, string ifMatch, Change change, CancellationToken cancellationToken)
    {
        var stored = await record.FindAsync(visit.PatientId, section, itemId, cancellationToken);
        if (stored is null)
        {
            return Failure.NotFound("The item");
        }

        // Callers hold the item's version (its ETag in every answer); the store's own ETag guards the write.
        if (stored.Value.ETag != ifMatch && ifMatch != "*")
        {
            return Stale();
        }

        var now = clock.GetUtcNow();
        var changed = await change(visit, stored.Value, now);
        if (!changed.Succeeded)
        {
            return changed.Failure;
        }

        var notice = Notice.Create(visit.PatientId, NoticeKind.NewRecordInformation, NoticeDetails.None, "/record", now);
        try
        {
            await record.ReplaceAsync(stored.Value, stored.ETag, changed.Value, notice, cancellationToken);
            await notices.TryEnqueueAsync(notice, logger, cancellationToken);
            return new Versioned<RecordItem>(changed.Value, changed.Value.ETag);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale();
        }
    }

    private static Failure Stale() => new(FailureKind.PreconditionFailed, "The item changed since you read it; read it again and reapply your change.");

    private static string WriteId(RecordItem item) => $"p{item.ItemId.Replace("-", "", StringComparison.Ordinal)}v{item.Version}";
}
