using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Patients;

/// <summary>
/// Use case: front-desk staff register a patient and receive a one-time activation code.
/// With an Idempotency-Key, a retry of the same request answers with the same patient and a fresh
/// code (the first one is ended: it was never seen, the response was lost).
/// </summary>
public sealed class RegisterPatient(
    IPatientRegistry registry, IRequestReplays replays, ActivationCodeReplacement codes, ChartAccess access, TimeProvider time)
{
    private const string Operation = "register";

    /// <summary>Registers the patient; 403 unless the caller may change profiles, 409 on a duplicate MRN or a reused key.</summary>
    public async Task<Result<PatientRegistered>> ExecuteAsync(Caller caller, NewPatient patient, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!caller.Roles.Any(role => AccessPolicy.StaffAllows(role, Permission.Change(DataCategory.Profile))))
        {
            return new Failure(FailureKind.Forbidden, "Only front-desk staff and administrators register patients.");
        }

        var now = time.GetUtcNow();
        var errors = Validate(patient, DateOnly.FromDateTime(now.UtcDateTime));
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var requestHash = IdempotencyKeys.Hash(patient);
        var replay = idempotencyKey is null ? null : await replays.FindAsync(caller.Subject, Operation, idempotencyKey, cancellationToken);
        if (replay is not null && replay.IsLive(now))
        {
            return replay.RequestHash == requestHash
                ? await ReissueAsync(caller, replay, cancellationToken)
                : new Failure(FailureKind.Conflict, "This Idempotency-Key was used for a different registration.");
        }

        var patientId = Guid.NewGuid().ToString("N");
        var (code, activation) = ActivationCode.Issue(patientId, $"{patient.GivenName.Trim()} {patient.FamilyName.Trim()}", patient.BirthDate, now);
        var profile = new PatientProfile(
            patientId, patient.Mrn, patient.GivenName.Trim(), patient.FamilyName.Trim(), patient.BirthDate, patient.Phone, patient.Email,
            Address: null, PreferredLanguage: null, TimeZone: null, SmsConsent: false, EmailConsent: false, EmergencyContacts: [], Insurance: null);

        var storedId = await registry.RegisterAsync(profile, activation, cancellationToken);
        if (storedId is null)
        {
            return new Failure(FailureKind.Conflict, "A patient with this MRN is already registered.");
        }

        if (idempotencyKey is not null)
        {
            await replays.SaveAsync(new RequestReplay(caller.Subject, Operation, idempotencyKey, requestHash, storedId, now), cancellationToken);
        }

        await AuditAsync(caller, storedId, cancellationToken);
        return new PatientRegistered(storedId, code, activation.ExpiresAt);
    }

    // The first response was lost, so nobody saw its code: replace it the one way codes are replaced.
    private async Task<Result<PatientRegistered>> ReissueAsync(Caller caller, RequestReplay replay, CancellationToken cancellationToken)
    {
        var issued = await codes.ReplaceAsync(replay.ResourceId, cancellationToken);
        if (!issued.Succeeded)
        {
            return issued.Failure;
        }

        await AuditAsync(caller, replay.ResourceId, cancellationToken);
        return new PatientRegistered(replay.ResourceId, issued.Value.ActivationCode, issued.Value.ExpiresAt);
    }

    private Task AuditAsync(Caller caller, string patientId, CancellationToken cancellationToken) =>
        access.RecordAsync(new ChartVisit(caller, patientId, "patient.register", "patients", ChartAccess.StaffCapacity(caller), null), AuditOutcome.Success, cancellationToken);

    private static FieldErrors Validate(NewPatient patient, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.RequireText(patient.GivenName, "givenName", 100);
        errors.RequireText(patient.FamilyName, "familyName", 100);
        errors.Require(patient.BirthDate <= today && patient.BirthDate.Year >= 1900, "birthDate", "The date of birth must be in the past.");
        errors.Require(MedicalRecordNumber.IsValid(patient.Mrn), "mrn", MedicalRecordNumber.Rule);
        ProfileRules.ValidateContact(patient.Phone, patient.Email, errors);
        return errors;
    }
}
