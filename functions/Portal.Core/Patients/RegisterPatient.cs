using System.Text.RegularExpressions;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Patients;

/// <summary>Use case: front-desk staff register a patient and receive a one-time activation code.</summary>
public sealed partial class RegisterPatient(IPatientRegistry registry, ChartAccess access, TimeProvider time)
{
    /// <summary>Registers the patient; 403 unless the caller may change profiles, 409 on a duplicate MRN.</summary>
    public async Task<Result<PatientRegistered>> ExecuteAsync(Caller caller, NewPatient patient, CancellationToken cancellationToken)
    {
        if (!caller.Roles.Any(role => AccessPolicy.StaffAllows(role, Permission.Change(DataCategory.Profile))))
        {
            return new Failure(FailureKind.Forbidden, "Only front-desk staff and administrators register patients.");
        }

        var now = time.GetUtcNow();
        if (Validate(patient, DateOnly.FromDateTime(now.UtcDateTime)).ToFailure() is { } invalid)
        {
            return invalid;
        }

        var patientId = Guid.NewGuid().ToString("N");
        var code = ActivationCode.Generate();
        var profile = new PatientProfile(
            patientId, patient.Mrn, patient.GivenName.Trim(), patient.FamilyName.Trim(), patient.BirthDate, patient.Phone, patient.Email,
            Address: null, PreferredLanguage: null, TimeZone: null, SmsConsent: false, EmailConsent: false, EmergencyContacts: [], Insurance: null);
        var activation = new PendingActivation(
            ActivationCode.Hash(ActivationCode.Normalize(code)!), patientId, profile.DisplayName, patient.BirthDate, now + PendingActivation.Lifetime);

        var storedId = await registry.RegisterAsync(profile, activation, cancellationToken);
        if (storedId is null)
        {
            return new Failure(FailureKind.Conflict, "A patient with this MRN is already registered.");
        }

        var visit = new ChartVisit(caller, storedId, "patient.register", "patients", ChartAccess.StaffCapacity(caller), null);
        await access.RecordAsync(visit, AuditOutcome.Success, cancellationToken);
        return new PatientRegistered(storedId, code, activation.ExpiresAt);
    }

    private static FieldErrors Validate(NewPatient patient, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.RequireText(patient.GivenName, "givenName", 100);
        errors.RequireText(patient.FamilyName, "familyName", 100);
        errors.Require(patient.BirthDate <= today && patient.BirthDate.Year >= 1900, "birthDate", "The date of birth must be in the past.");
        errors.Require(Mrn().IsMatch(patient.Mrn ?? ""), "mrn", "1 to 32 letters, digits or dashes.");
        ProfileRules.ValidateContact(patient.Phone, patient.Email, errors);
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex Mrn();
}
