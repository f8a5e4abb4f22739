using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Notifications;

/// <summary>
/// Use case: replace a patient's notification preferences, guarded by the ETag the caller read (the first change
/// sends the defaults' ETag). Part of the profile for access: whoever may change the profile may change these.
/// </summary>
public sealed class ChangeNotificationPreferences(INotificationPreferences preferences, ChartAccess access)
{
    private const string Stale = "The notification preferences changed since you read them; read them again and reapply your change.";

    /// <summary>The saved preferences, every kind listed, with the new ETag; or 400/403/404/412/428.</summary>
    public async Task<Result<Versioned<NotificationPreferences>>> ExecuteAsync(
        Caller caller, string patientId, string? ifMatch, NotificationPreferences change, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the preferences' ETag in If-Match to change them.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Profile), NotificationPreferenceResource.Of(patientId), cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await ChangeAsync(patientId, ifMatch, change, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<Versioned<NotificationPreferences>>> ChangeAsync(
        string patientId, string ifMatch, NotificationPreferences change, CancellationToken cancellationToken)
    {
        if (NotificationPreferenceRules.Validate(change).ToFailure() is { } invalid)
        {
            return invalid;
        }

        var current = await preferences.FindAsync(patientId, cancellationToken);
        if (current is null)
        {
            return Failure.NotFound("The patient");
        }

        if (current.ETag != ifMatch && ifMatch != "*")
        {
            return new Failure(FailureKind.PreconditionFailed, Stale);
        }

        var complete = change.Complete();
        try
        {
            return new Versioned<NotificationPreferences>(complete, await preferences.SaveAsync(patientId, complete, current.ETag, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, Stale);
        }
    }
}
