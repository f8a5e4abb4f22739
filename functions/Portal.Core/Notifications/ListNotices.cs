using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Notifications;

/// <summary>Use case: what the clinic told the patient, when, on which channel and whether it arrived, newest first.</summary>
public sealed class ListNotices(INotices notices, ChartAccess access)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page of notices; reading them is audited like any read of the chart.</summary>
    /// <remarks>Notices go to the patient's contact details: they are read with the profile's permission.</remarks>
    public Task<Result<Page<Notice>>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Profile), $"patients/{patientId}/notifications", pageSize, MaxPageSize,
            () => notices.ListAsync(patientId, pageSize, continuationToken, cancellationToken), cancellationToken);
}
