using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Labs.Results;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// Use case: one lab message, from any of the three ways in (Storage queue, Service Bus, HTTPS), stored exactly once.
/// Read leniently (warnings, not refusals, for what can still be used); refused only when it cannot be used (not an
/// ORU^R01 or a lab Bundle, no patient, no observation). The ledger entry (sending lab + control id) is written first
/// and pins each patient's destination; the original is archived in <c>lab-messages/{facility}/{date}/{id}</c>; each
/// confidently matched patient's results go to their chart (one transaction with the notice), anyone else's to the
/// unmatched-results work queue. A redelivery answers the same and changes nothing.
/// </summary>
public sealed partial class IngestLabMessage(
    LabMessageReader reader,
    LabSenders senders,
    PatientMatcher matcher,
    ILabMessages messages,
    IUnmatchedResults unmatched,
    LabChartWriter charts,
    ChartAccess access,
    TimeProvider clock,
    ILogger<IngestLabMessage> logger)
{
    /// <summary>A lab's HTTPS push: the caller must hold the <c>Lab.Push</c> role (403 otherwise), then as <see cref="ExecuteAsync"/>.</summary>
    public async Task<Result<LabIngestOutcome>> PushAsync(LabDelivery delivery, CancellationToken cancellationToken) =>
        delivery.Sender.IsInRole(AppRoles.LabPush)
            ? await ExecuteAsync(delivery, cancellationToken)
            : new Failure(FailureKind.Forbidden, "Only lab systems (app role Lab.Push) push results.");

    /// <summary>Stores the message; the outcome says accepted (possibly a duplicate) or refused and why.</summary>
    public async Task<LabIngestOutcome> ExecuteAsync(LabDelivery delivery, CancellationToken cancellationToken)
    {
        var (read, format) = reader.Read(delivery.Content.Span, delivery.Format);
        if (!read.IsSuccess)
        {
            LogRefused(logger, delivery.Channel, read.Refusal.Reason, read.Refusal.Location);
            return LabIngestOutcome.Refused(read.Refusal, format);
        }

        var report = read.Report;
        if (Unusable(report) is { } refusal)
        {
            LogRefused(logger, delivery.Channel, refusal.Reason, refusal.Location);
            return LabIngestOutcome.Refused(refusal, format);
        }

        var facility = LabSenders.FacilityKey(report);
        var controlId = report.MessageControlId!;
        var groups = Groups(report);
        var sender = senders.Find(report);
        var now = clock.GetUtcNow();
        var assignments = new List<PatientAssignment>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var (patientId, reason) = await matcher.MatchAsync(sender, groups[g].Patient, cancellationToken);
            assignments.Add(new PatientAssignment(g, patientId, patientId is null ? UnmatchedId(now, facility, controlId, g) : null, reason));
        }

        var proposed = new LabMessageRecord(
            facility, controlId, now, ArchivePath(facility, now, controlId), delivery.Channel, format, false, assignments, report.Warnings);
        var earlier = await messages.BeginAsync(proposed, cancellationToken);
        if (earlier is { Completed: true })
        {
            return Outcome(earlier, format, duplicate: true);
        }

        // A retry after a partial failure follows the decisions already pinned.
        var record = earlier ?? proposed;

        // The archive upload depends on nothing the charts write: it runs beside them, and the ledger is completed
        // only once both are done (a failure of either leaves it incomplete, so a retry does both again).
        var archiving = messages.ArchiveAsync(record.ArchivePath, delivery.Content, format, cancellationToken);
        var warnings = new List<string>(report.Warnings);
        try
        {
            foreach (var assignment in record.Assignments.Where(a => a.Group < groups.Count))
            {
                await StoreGroupAsync(delivery, record, groups[assignment.Group], assignment, warnings, cancellationToken);
            }
        }
        finally
        {
            await archiving;
        }

        var completed = record with { Completed = true, Warnings = [.. warnings.Distinct()] };
        await messages.CompleteAsync(completed, cancellationToken);
        if (warnings.Count > 0)
        {
            LogWarnings(logger, facility, warnings.Count);
        }

        return Outcome(completed, format, duplicate: false);
    }

    /// <summary>The message's orders per patient, in the order patients appear.</summary>
    public static IReadOnlyList<LabPatientGroup> Groups(LabReport report)
    {
        var groups = new List<(LabPatient Patient, List<(int, LabOrder)> Orders)>();
        for (var i = 0; i < report.Orders.Count; i++)
        {
            var order = report.Orders[i];
            var index = groups.FindIndex(g => ReferenceEquals(g.Patient, order.Patient));
            if (index < 0)
            {
                groups.Add((order.Patient!, []));
                index = groups.Count - 1;
            }

            groups[index].Orders.Add((i, order));
        }

        return [.. groups.Select(g => new LabPatientGroup(g.Patient, g.Orders))];
    }

    /// <summary><c>lab-messages/{facility}/{date}/{id}</c> (the container's name is not part of the blob path).</summary>
    public static string ArchivePath(string facility, DateTimeOffset receivedAt, string controlId) =>
        $"{Segment(facility)}/{receivedAt.UtcDateTime:yyyy-MM-dd}/{Segment(controlId)}";

    private async Task StoreGroupAsync(
        LabDelivery delivery, LabMessageRecord record, LabPatientGroup group, PatientAssignment assignment, List<string> warnings, CancellationToken cancellationToken)
    {
        if (assignment.PatientId is { } patientId)
        {
            var visit = await access.OpenAsync(delivery.Sender, patientId, Permission.Change(DataCategory.Results), $"patients/{patientId}/results", cancellationToken);
            if (!visit.Succeeded)
            {
                // Only a caller without Lab.Push gets here; the function checks the role before.
                throw new InvalidOperationException("The sender may not store results.");
            }

            await charts.StoreAsync(patientId, record.Facility, record.Key, record.ControlId, group.Orders, record.ReceivedAt, warnings, cancellationToken);
            await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
            return;
        }

        await unmatched.AddAsync(Unmatched(record, group, assignment), cancellationToken);
    }

    private static UnmatchedResult Unmatched(LabMessageRecord record, LabPatientGroup group, PatientAssignment assignment)
    {
        var p = group.Patient;
        return new UnmatchedResult(
            assignment.UnmatchedId!,
            record.ReceivedAt,
            record.Facility,
            record.ControlId,
            record.ArchivePath,
            record.Format,
            assignment.Group,
            assignment.Reason ?? "Not matched.",
            new UnmatchedPatient(
                p.Name?.Family,
                p.Name?.Given,
                p.BirthDate?.ToString(),
                p.Sex,
                [.. p.Identifiers.Select(i => $"{i.Value} ({string.Join(", ", new[] { i.AssigningAuthority?.ToString(), i.TypeCode }.Where(s => !string.IsNullOrEmpty(s)))})")]),
            [.. group.Orders.Select(o => o.Order.Test.DisplayText ?? o.Order.Test.Code ?? "Lab test").Distinct()],
            group.Orders.Sum(o => o.Order.Observations.Count),
            UnmatchedState.Open,
            null);
    }

    private static LabRefusal? Unusable(LabReport report)
    {
        if (report.Orders.Count == 0)
        {
            return new LabRefusal(LabRefusalReason.MissingRequiredSegment, "The message has no order (OBR / DiagnosticReport), so no results.")
            { MessageControlId = report.MessageControlId, MessageType = report.MessageType, Location = "OBR" };
        }

        if (report.Orders.Any(o => o.Patient is null))
        {
            return new LabRefusal(LabRefusalReason.MissingRequiredSegment, "A result names no patient (PID / DiagnosticReport.subject).")
            { MessageControlId = report.MessageControlId, MessageType = report.MessageType, Location = "PID" };
        }

        if (report.Orders.All(o => o.Observations.Count == 0 && o.Status != LabResultStatus.Cancelled))
        {
            return new LabRefusal(LabRefusalReason.MissingRequiredSegment, "The message has no observation (OBX / Observation).")
            { MessageControlId = report.MessageControlId, MessageType = report.MessageType, Location = "OBX" };
        }

        return string.IsNullOrWhiteSpace(report.MessageControlId)
            ? new LabRefusal(LabRefusalReason.MissingRequiredField, "The message has no control id (MSH-10, Bundle.identifier or DiagnosticReport.identifier).")
            { MessageType = report.MessageType, Location = "MSH-10" }
            : null;
    }

    private static LabIngestOutcome Outcome(LabMessageRecord record, LabReportFormat format, bool duplicate) => new(
        true,
        null,
        format,
        record.Facility,
        record.ControlId,
        duplicate,
        [.. record.Assignments.Where(a => a.PatientId is not null).Select(a => a.PatientId!)],
        [.. record.Assignments.Where(a => a.UnmatchedId is not null).Select(a => a.UnmatchedId!)],
        record.Warnings);

    /// <summary>Newest first; the same message and patient give the same id.</summary>
    private static string UnmatchedId(DateTimeOffset receivedAt, string facility, string controlId, int group)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{facility}\n{controlId}\n{group}"));
        return $"{inverted}-{Convert.ToHexStringLower(hash.AsSpan(0, 6))}";
    }

    private static string Segment(string s) => Uri.EscapeDataString(s.Trim()) is { Length: > 0 } e ? e.Replace("%", "~", StringComparison.Ordinal) : "_";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A lab message from {Channel} was refused: {Reason} at {Location}.")]
    private static partial void LogRefused(ILogger logger, string channel, LabRefusalReason reason, string? location);

    [LoggerMessage(Level = LogLevel.Information, Message = "A lab message from {Facility} was read with {Count} warnings (see its ledger entry).")]
    private static partial void LogWarnings(ILogger logger, string facility, int count);
}

/// <summary>One patient's orders in a message.</summary>
/// <param name="Patient">The patient as the lab sent them.</param>
/// <param name="Orders">Their orders with their position in the message.</param>
public sealed record LabPatientGroup(LabPatient Patient, IReadOnlyList<(int Index, LabOrder Order)> Orders);
