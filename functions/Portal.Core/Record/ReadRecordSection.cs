using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record;

/// <summary>Use case: one page of a record section, newest first, active items or all; caregivers never get confidential items.</summary>
public sealed class ReadRecordSection(IHealthRecord record, ChartAccess access)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page; 404 for an unknown section, 400 for a bad status or page, 404/403 per the access policy.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="patientId">Whose record.</param>
    /// <param name="section">The section's slug.</param>
    /// <param name="status"><c>active</c> (default) or <c>all</c>.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="continuationToken">The previous page's token.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<Result<Page<RecordItem>>> ExecuteAsync(
        Caller caller, string patientId, string section, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!RecordSections.TryParse(section, out var parsed))
        {
            return Failure.NotFound($"The section (one of {RecordSections.Listed})");
        }

        RecordStatusFilter? filter = status switch
        {
            null or "" or "active" => RecordStatusFilter.Active,
            "all" => RecordStatusFilter.All,
            _ => null,
        };
        if (filter is null)
        {
            return Failure.Invalid("status", "active or all.");
        }

        return await access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Records), $"patients/{patientId}/record/{parsed.Slug()}", pageSize, MaxPageSize,
            async visit =>
            {
                var page = await record.ReadSectionAsync(patientId, new RecordQuery(parsed, filter.Value, RecordVisibility.ShowsConfidential(visit)), pageSize, continuationToken, cancellationToken);
                return page with { Items = RecordVisibility.Visible(visit, page.Items) };
            },
            cancellationToken);
    }
}
