using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Access;

/// <summary>Reading one page of a chart list through the policy, the same way for every list.</summary>
public static class ChartPages
{
    /// <summary>
    /// Checks the page size, opens the visit (404/403 per the policy), reads the page (a continuation token from another
    /// list is a 400 on <c>continuationToken</c>), and records the read once the page is in hand.
    /// </summary>
    public static Task<Result<Page<T>>> ReadPageAsync<T>(
        this ChartAccess access,
        Caller caller,
        string patientId,
        Permission permission,
        string resource,
        int pageSize,
        int maxPageSize,
        Func<Task<Page<T>>> read,
        CancellationToken cancellationToken) =>
        access.ReadPageAsync(caller, patientId, permission, resource, pageSize, maxPageSize, _ => read(), cancellationToken);

    /// <summary>The same, for a list whose reading depends on who visits (a caregiver sees fewer items than the patient).</summary>
    public static async Task<Result<Page<T>>> ReadPageAsync<T>(
        this ChartAccess access,
        Caller caller,
        string patientId,
        Permission permission,
        string resource,
        int pageSize,
        int maxPageSize,
        Func<ChartVisit, Task<Page<T>>> read,
        CancellationToken cancellationToken)
    {
        if (pageSize < 1 || pageSize > maxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {maxPageSize}.");
        }

        var visit = await access.OpenAsync(caller, patientId, permission, resource, cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        // Read before recording, so a page of the access log does not start with the reader's own visit.
        Page<T> page;
        try
        {
            page = await read(visit.Value);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return page;
    }
}
