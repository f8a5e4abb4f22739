using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Patients;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Record;

/// <summary>
/// Use case: a clinic system (role <c>Records.Push</c>) or a clinician pushes a FHIR R4 transaction Bundle into a
/// patient's record. The patient is matched by MRN through the patient index; every entry is a conditional create
/// or update by the sender's identifier, so a resend updates instead of duplicating and the same Bundle sent again
/// changes nothing. Any problem refuses the whole Bundle and nothing is written; otherwise the items, the tallies and
/// the patient's notice land together (<see cref="IHealthRecord.WriteAsync"/>).
/// </summary>
public sealed class PushRecordBundle(
    IHealthRecord record,
    IPatientIndex patients,
    IDocumentContent documents,
    ChartAccess access,
    INoticeQueue notices,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<PushRecordBundle> logger)
{
    /// <summary>The largest Bundle accepted (4 MiB).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private const int Attempts = 3;

    /// <summary>One answer per entry; 400 (every issue, nothing written), 403, 409 when the record kept changing.</summary>
    public async Task<Result<PushOutcome>> ExecuteAsync(Caller caller, string json, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(AppRoles.RecordsPush) && !caller.IsInRole(AppRoles.Clinician))
        {
            return new Failure(FailureKind.Forbidden, "Only a clinic system with the Records.Push role, or a clinician, may push records.");
        }

        var bundle = FhirBundleReader.Read(json);
        if (!bundle.Succeeded)
        {
            return bundle.Failure;
        }

        var patient = await patients.FindByMrnAsync(bundle.Value.Mrn, cancellationToken);
        if (patient is null)
        {
            return Failure.Invalid("Bundle.entry", "No patient of the clinic has the Bundle's MRN; nothing was written.");
        }

        var visit = await access.OpenAsync(caller, patient.PatientId, Permission.Change(DataCategory.Records), $"fhir/r4/Bundle/patients/{patient.PatientId}/record", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await PushAsync(visit.Value, bundle.Value, json, cancellationToken);
                await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
                return outcome.Succeeded ? outcome.Value.Outcome : outcome.Failure;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // The record changed between reading and writing: read it again.
            }
            catch (ConcurrencyConflictException)
            {
                await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
                return new Failure(FailureKind.Conflict, "The record kept changing while the Bundle was written; send it again.");
            }
        }
    }

    private async Task<Result<(PushOutcome Outcome, Notice? Notice)>> PushAsync(ChartVisit visit, PushedBundle bundle, string json, CancellationToken cancellationToken)
    {
        var patientId = visit.PatientId;
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var items = bundle.Entries.Where(e => e.Item is not null).ToList();
        var wanted = items.SelectMany(e => e.Item!.Identifiers).Concat(items.Select(e => e.Item!.Visit).OfType<SourceIdentifier>()).Distinct().ToList();
        var stored = await record.FindBySourceAsync(patientId, wanted, cancellationToken);

        // Which stored item each entry is, and the id each entry's item has (for references between entries).
        var issues = new FhirIssues();
        var existing = new Dictionary<int, Versioned<RecordItem>>();
        var ids = new Dictionary<SourceIdentifier, string>();
        foreach (var entry in items)
        {
            var path = $"Bundle.entry[{entry.Index}].resource";
            var matches = entry.Item!.Identifiers.Where(stored.ContainsKey).Select(id => stored[id]).DistinctBy(v => v.Value.ItemId).ToList();
            if (matches.Count > 1)
            {
                issues.Add($"{path}.identifier", "These identifiers name different items of the record.");
                continue;
            }

            var section = entry.Item.Mapped.Content.Section;
            if (matches is [{ } match] && match.Value.Section != section)
            {
                issues.Add($"{path}.identifier", $"This identifier belongs to an item in {match.Value.Section.Slug()}, not {section.Slug()}.");
                continue;
            }

            var itemId = matches.Count == 1
                ? matches[0].Value.ItemId
                : RecordItemIds.New(ClinicalDate(entry.Item.Mapped.Content, zone, now), entry.Item.Identifiers[0]);
            if (matches.Count == 1)
            {
                existing[entry.Index] = matches[0];
            }

            foreach (var identifier in entry.Item.Identifiers)
            {
                ids[identifier] = itemId;
            }
        }

        if (issues.ToFailure() is { } failure)
        {
            return failure;
        }

        var storedDocuments = await StoreDocumentsAsync(patientId, items, cancellationToken);
        var answers = new List<PushAnswer>();
        var changes = new List<RecordChange>();
        foreach (var entry in bundle.Entries)
        {
            if (entry.Item is not { } pushed)
            {
                answers.Add(new PushAnswer("200 OK", entry.ResourceType == "Patient" ? $"Patient/{patientId}" : null, null, null));
                continue;
            }

            var visitId = pushed.Visit is { } v && ids.TryGetValue(v, out var localVisit) ? localVisit
                : pushed.Visit is { } s && stored.TryGetValue(s, out var storedVisit) && storedVisit.Value.Section == RecordSection.Visits ? storedVisit.Value.ItemId
                : null;
            var content = storedDocuments.TryGetValue(entry.Index, out var document) ? document : pushed.Mapped.Content;
            if (content.ClinicalTime is "")
            {
                content = Dated(content, VisitStart(visitId, changes, stored.Values) ?? now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
            }

            var status = pushed.Mapped.EnteredInError ? RecordStatus.EnteredInError : content.CurrentStatus;
            var clinicalDate = ClinicalDate(content, zone, now);
            RecordChange? change;
            if (existing.TryGetValue(entry.Index, out var found))
            {
                var before = found.Value;
                if (before.Content.Medication is { StoppedVisitId: { } stoppedAt } && content.Medication is { StoppedVisitId: null } medication)
                {
                    // FHIR has no element for the visit a medication was stopped at: keep what the clinic recorded.
                    content = content with { Medication = medication with { StoppedVisitId = stoppedAt } };
                }

                var revised = before.Revise(content, status, pushed.Confidential, visitId ?? before.VisitId, now, visit.Caller.Subject, visit.Caller.DisplayName, "Updated by the sending system");
                var after = revised with { ClinicalDate = clinicalDate, Identifiers = [.. before.Identifiers.Union(pushed.Identifiers)] };
                var unchanged = pushed.CreateOnly || (before.SaysTheSameAs(after) && after.Identifiers.Count == before.Identifiers.Count);
                change = unchanged ? null : new RecordChange(before, found.ETag, after);
                answers.Add(Answer("200 OK", entry.ResourceType, change?.After ?? before));
            }
            else
            {
                // Only visits are referenced by other entries, and they always have a start: an undated note or document takes its id from the date it was given.
                var itemId = pushed.Mapped.Content.ClinicalTime is "" ? RecordItemIds.New(clinicalDate, pushed.Identifiers[0]) : ids[pushed.Identifiers[0]];
                var created = new RecordItem(
                    patientId, itemId, clinicalDate, status, pushed.Identifiers, pushed.Confidential, visitId, 1, now,
                    visit.Caller.Subject, visit.Caller.DisplayName, content, []);
                change = new RecordChange(null, null, created);
                answers.Add(Answer("201 Created", entry.ResourceType, created));
            }

            if (change is not null)
            {
                changes.Add(change);
            }
        }

        var notice = changes.Count > 0 ? Notice.Create(patientId, NoticeKind.NewRecordInformation, NoticeDetails.None, "/record", now) : null;
        if (changes.Count > 0)
        {
            await record.WriteAsync(new RecordWrite(patientId, WriteId(patientId, json, changes), changes, notice), cancellationToken);
            await notices.TryEnqueueAsync(notice!, logger, cancellationToken);
        }

        return (new PushOutcome(patientId, answers, changes.Count), notice);
    }

    /// <summary>Stores the pushed documents' bytes (idempotent: the blob is named by its hash) and fills in where they are.</summary>
    private async Task<Dictionary<int, RecordContent>> StoreDocumentsAsync(string patientId, List<PushedEntry> items, CancellationToken cancellationToken)
    {
        var stored = await Task.WhenAll(items.Where(e => e.Item!.Mapped.Bytes is not null).Select(async entry =>
        {
            var bytes = entry.Item!.Mapped.Bytes!;
            var where = await documents.SaveAsync(patientId, bytes.Data, bytes.ContentType, cancellationToken);
            var document = entry.Item.Mapped.Content.Document! with { BlobName = where.BlobName, Size = where.Size, Sha256 = where.Sha256 };
            return (entry.Index, Content: entry.Item.Mapped.Content with { Document = document });
        }));
        return stored.ToDictionary(s => s.Index, s => s.Content);
    }

    /// <summary>
    /// The same Bundle against the same stored versions is the same write (a retry after an interruption finishes
    /// it); against a record that changed since, it is another write.
    /// </summary>
    private static string WriteId(string patientId, string json, List<RecordChange> changes)
    {
        var basis = new StringBuilder(patientId).Append('\n').Append(json);
        foreach (var change in changes)
        {
            basis.Append('\n').Append(change.After.ItemId).Append('@').Append(change.Before?.Version ?? 0);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis.ToString())))[..40];
    }

    /// <summary>A note or document sent without a date of its own, dated.</summary>
    private static RecordContent Dated(RecordContent content, string date) =>
        content with { Note = content.Note is { } note ? note with { Date = date } : null, Document = content.Document is { } document ? document with { Date = date } : null };

    /// <summary>The start of a visit written in this push or stored before.</summary>
    private static string? VisitStart(string? visitId, List<RecordChange> changes, IEnumerable<Versioned<RecordItem>> stored) =>
        visitId is null ? null
        : changes.Select(c => c.After).Concat(stored.Select(s => s.Value)).FirstOrDefault(i => i.ItemId == visitId)?.Content.Visit?.Start;

    private static DateTimeOffset ClinicalDate(RecordContent content, TimeZoneInfo zone, DateTimeOffset now) =>
        ClinicalTimes.ToInstant(content.ClinicalTime, zone) ?? now;

    private static PushAnswer Answer(string status, string resourceType, RecordItem item) =>
        new(status, $"{resourceType}/{item.ItemId}/_history/{item.Version}", item.Version, item.RecordedAt);
}
