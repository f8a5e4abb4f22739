using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Notifications;

/// <summary>Use case: read a patient's notification preferences (the defaults until saved) with their ETag.</summary>
public sealed class GetNotificationPreferences(INotificationPreferences preferences, ChartAccess access)
{
    /// <summary>The preferences, every kind listed; 404 when the patient is out of reach or unknown.</summary>
    public async Task<Result<Versioned<NotificationPreferences>>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Profile), NotificationPreferenceResource.Of(patientId), cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await preferences.FindAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, found is null ? AuditOutcome.Failed : AuditOutcome.Success, cancellationToken);
        return found is null ? Failure.NotFound("The patient") : found with { Value = found.Value.Complete() };
    }
}

/// <summary>The audited resource name of a chart's notification preferences.</summary>
internal static class NotificationPreferenceResource
{
    public static string Of(string patientId) => $"patients/{patientId}/notification-preferences";
}
