using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Profile;

/// <summary>Use case: read a patient's profile with its ETag.</summary>
public sealed class GetProfile(IProfiles profiles, ChartAccess access)
{
    /// <summary>The profile, 404 when the patient is out of reach or unknown.</summary>
    public async Task<Result<Versioned<PatientProfile>>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Profile), $"patients/{patientId}/profile", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var profile = await profiles.FindAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, profile is null ? AuditOutcome.Failed : AuditOutcome.Success, cancellationToken);
        return profile is null ? Failure.NotFound("The patient") : profile;
    }
}
