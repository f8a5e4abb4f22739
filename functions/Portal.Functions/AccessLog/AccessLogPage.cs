using Portal.Core.Audit;
using Portal.Core.Common;

namespace Portal.Functions.AccessLog;

/// <summary>One page of a patient's access log, newest first.</summary>
/// <param name="Items">The accesses on this page.</param>
/// <param name="ContinuationToken">Send it back as <c>continuationToken</c> for the next page; null on the last page.</param>
internal sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Items, string? ContinuationToken)
{
    public static AccessLogPage From(Page<AuditEvent> page) => new([.. page.Items.Select(AccessLogEntry.From)], page.ContinuationToken);
}
