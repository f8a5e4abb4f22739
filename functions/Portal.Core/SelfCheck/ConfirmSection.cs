using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.SelfCheck;

/// <summary>
/// Use case: the patient's side confirms a section is still correct, which records the date (the self-check's third
/// answer reads it). Confirming is a change to the section's data category (profile and emergency contacts: profile;
/// medications and allergies: records), so a caregiver needs that write scope; staff do not confirm for the patient.
/// </summary>
public sealed class ConfirmSection(ISelfCheckRecords records, ChartAccess access, TimeProvider clock)
{
    /// <summary>Every section's last confirmation, the new one included; 400, 403/404.</summary>
    public async Task<Result<SectionConfirmations>> ExecuteAsync(Caller caller, string patientId, SectionConfirmation request, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Section))
        {
            return Failure.Invalid("section", "profile, medications, allergies or emergencyContacts.");
        }

        var category = request.Section is ConfirmedSection.Medications or ConfirmedSection.Allergies ? DataCategory.Records : DataCategory.Profile;
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(category), $"patients/{patientId}/self-check/confirmations", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (visit.Value.ActingAs is not ("self" or "proxy"))
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Only the patient or their caregiver confirms their information.");
        }

        var now = clock.GetUtcNow();
        var earlier = await records.ConfirmationsAsync(patientId, cancellationToken);
        await records.ConfirmAsync(patientId, request.Section, now, caller.Subject, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return request.Section switch
        {
            ConfirmedSection.Profile => earlier with { Profile = now },
            ConfirmedSection.Medications => earlier with { Medications = now },
            ConfirmedSection.Allergies => earlier with { Allergies = now },
            _ => earlier with { EmergencyContacts = now },
        };
    }
}
