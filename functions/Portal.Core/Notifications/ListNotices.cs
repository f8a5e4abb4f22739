using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Notifications;

/// <summary>Use case: what the clinic told the patient, when, on which channel and whether it arrived, newest first.</summary>
public sealed class ListNotices(INotices notices, ChartAccess access)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page of notices; reading them is audited like any read of the chart.</summary>
    public async Task<Result<Page<Notice>>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        // Notices go to the patient's contact details: they belong with the profile.
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Profile), $"patients/{patientId}/notifications", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        Page<Notice> page;
        try
        {
            page = await notices.ListAsync(patientId, pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return page;
    }
}
