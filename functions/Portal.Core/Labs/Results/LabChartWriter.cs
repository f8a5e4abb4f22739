using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Stores one patient's orders of a lab message in their chart: each order becomes the next version of its result
/// (a correction replaces the current version and keeps it in the history; a late preliminary never replaces a final),
/// new results are released at once unless the patient chose to hold their category, and one "new test result" notice
/// is written in the same transaction when something became visible. Idempotent: a result remembers the messages
/// applied to it, so a retry or redelivery changes nothing.
/// </summary>
public sealed class LabChartWriter(ILabResults results, INoticeQueue notices, TimeProvider clock, ILogger<LabChartWriter> logger)
{
    private const int Attempts = 5;

    /// <summary>Writes the orders; returns the result ids (every order's, applied now or before).</summary>
    /// <param name="patientId">The matched chart.</param>
    /// <param name="facility">The sending lab.</param>
    /// <param name="messageKey">facility|control id.</param>
    /// <param name="controlId">The message's control id.</param>
    /// <param name="orders">The patient's orders with their position in the message.</param>
    /// <param name="receivedAt">When the message arrived.</param>
    /// <param name="warnings">Where to add what was not applied and why.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<string>> StoreAsync(
        string patientId,
        string facility,
        string messageKey,
        string controlId,
        IReadOnlyList<(int Index, LabOrder Order)> orders,
        DateTimeOffset receivedAt,
        ICollection<string> warnings,
        CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => LabResultVersions.ResultId(facility, o.Order, controlId, o.Index)).ToList();
        var now = clock.GetUtcNow();

        // The notice keeps its id across retries: its pending row may already be written.
        var notice = Notice.Create(patientId, NoticeKind.NewResult, NoticeDetails.None, "/results", now);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await results.ReadForWriteAsync(patientId, ids.Distinct().ToList(), cancellationToken);
            var changes = new List<ResultChange>();
            var dues = new List<DueRelease>();
            var planned = new Dictionary<string, LabResult>();
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i].Order;
                var id = ids[i];
                var existing = snapshot.Existing.GetValueOrDefault(id);
                var current = planned.GetValueOrDefault(id) ?? existing?.Value;
                if (current is not null && current.AppliedMessages.Contains(messageKey) && !planned.ContainsKey(id))
                {
                    continue;
                }

                if (current is not null && LabResultVersions.IsStale(current.Status, order.Status))
                {
                    warnings.Add($"Order {i + 1}: a {order.Status} report after the {current.Status} one was not applied.");
                    continue;
                }

                var (next, observations) = LabResultVersions.Next(patientId, id, facility, order, messageKey, current, receivedAt);
                if (current is null)
                {
                    next = ReleaseRules.OnArrival(next, snapshot.Preferences, now);
                    if (next.Hold is { } hold)
                    {
                        dues.Add(new DueRelease(hold.Until, patientId, id));
                    }
                }

                // Two orders of one message for the same test: the later one is the next version of the earlier.
                changes.RemoveAll(c => c.Result.ResultId == id);
                changes.Add(new ResultChange(next, existing?.ETag, existing?.Value.SortTime, observations));
                planned[id] = next;
            }

            if (changes.Count == 0)
            {
                return ids;
            }

            var released = changes.Any(c => c.Result.IsReleased);
            try
            {
                await results.WriteAsync(new LabChartWrite(patientId, changes, released ? notice : null, dues), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                continue;
            }

            if (released)
            {
                await notices.TryEnqueueAsync(notice, logger, cancellationToken);
            }

            return ids;
        }
    }
}
