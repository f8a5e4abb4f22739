using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Identity;
using Portal.Core.Patients;
using Portal.Core.Profile;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Seeds the demo clinic through the real use cases, as the people who would do it: the front desk
/// (Jordan Lee) registers each patient and enters the intake details, then the patient activates; a few
/// conversations with the care team follow (<see cref="DemoThreads"/>), every section of their health record
/// (<see cref="DemoRecord"/>), a discharge letter with a request to correct it (<see cref="DemoRecordDocuments"/>),
/// then the clinic's schedule and each patient's visits (<see cref="DemoScheduling"/>), bills
/// (<see cref="DemoBilling"/>), lab results (<see cref="DemoLabs"/>), refill requests and reported medications
/// (<see cref="DemoPrescriptions"/>) and health journals with portal habits (<see cref="DemoJournal"/>). Once:
/// a patient whose sign-in subject is already linked is left alone, so restarts keep local edits.
/// </summary>
internal static class DemoSeed
{
    /// <summary>The text printed after start-up: the people and how to get a token. <c>{baseUrl}</c> is filled in by the caller.</summary>
    public static async Task<string?> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var links = services.GetRequiredService<IPatientLinks>();
        var clinic = services.GetRequiredService<IOptions<ClinicOptions>>().Value;
        var frontDesk = Caller(DemoPeople.Staff.Single(s => s.Roles.Contains(AppRoles.FrontDesk)), mfa: true);
        var report = new StringBuilder();
        report.AppendLine($"Demo clinic: {clinic.Name} ({clinic.TimeZone})");
        report.AppendLine("Patients (sign-in subject → patient id):");

        var patientIds = new Dictionary<string, string>();
        var created = new Dictionary<string, string>();
        foreach (var patient in DemoPeople.Patients)
        {
            var existing = (await links.ListAsync(patient.Subject, cancellationToken)).FirstOrDefault(l => l.Kind == LinkKind.Self);
            var patientId = existing?.PatientId;
            if (patientId is null)
            {
                patientId = await CreateAsync(services, frontDesk, patient, cancellationToken);
                created[patient.Subject] = patientId;
            }

            patientIds[patient.Subject] = patientId;
            report.AppendLine($"  {patient.Subject,-16} {patient.GivenName} {patient.FamilyName,-10} {patientId}");
        }

        report.Append(await DemoCaregivers.SeedAsync(services, frontDesk, cancellationToken));
        var leo = patientIds["patient-leo"];
        var caregiver = DemoPeople.Caregiver;
        if (await links.FindAsync(caregiver.Subject, leo, cancellationToken) is null)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            await links.SaveAsync(
                new PatientLink(caregiver.Subject, leo, LinkKind.Proxy, "Leo Diaz", DemoPeople.CaregiverScopes, now.AddYears(1), null, "grant-demo-leo", "parent", new DateOnly(2016, 9, 4), EndsAtAdulthood: true),
                cancellationToken);
        }

        await DemoThreads.SeedAsync(services, created, cancellationToken);
        await DemoRecord.SeedAsync(services, created, cancellationToken);
        await DemoRecordDocuments.SeedAsync(services, created, cancellationToken);
        await DemoScheduling.SeedAsync(services, created, cancellationToken);
        if (await DemoBilling.SeedAsync(services, created, cancellationToken) is { } bills)
        {
            report.AppendLine(bills);
        }

        await DemoLabs.SeedAsync(services, patientIds, cancellationToken);
        await DemoJournal.SeedAsync(services, created, cancellationToken);
        report.AppendLine("Journal: Benjamin's three weeks of home blood pressures, a side effect and two questions for his next visit (last week shared with the care team); self-checks differ: Benjamin keeps the habits, Ana signs in without MFA, Chloe has not started");
        report.AppendLine("Lab results: Ana (CBC, lipids, HbA1c over a year), Benjamin (lipids, HbA1c, eGFR), Chloe's biopsy held by her choice; one unmatched message for Clinician/Admin at GET /api/labs/unmatched");
        await DemoPrescriptions.SeedAsync(services, created, cancellationToken);
        report.AppendLine($"Caregiver: {caregiver.Subject} — {caregiver.What}: {string.Join(' ', DemoPeople.CaregiverScopes)}");
        report.AppendLine("Staff and systems:");
        foreach (var person in DemoPeople.Staff)
        {
            report.AppendLine($"  {person.Subject,-16} {string.Join(',', person.Roles),-10} {person.Name} — {person.What}");
        }

        report.AppendLine();
        report.AppendLine("Get a token (Development only) and call the API:");
        report.AppendLine("  TOKEN=$(curl -s -X POST {baseUrl}/api/dev/token -H 'Content-Type: application/json' \\");
        report.AppendLine("    -d '{\"subject\":\"patient-ana\",\"name\":\"Ana Diaz\",\"roles\":[\"Patient\"],\"mfa\":true}' | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
        report.AppendLine("  curl -s {baseUrl}/api/me -H \"Authorization: Bearer $TOKEN\"");
        return report.ToString();
    }

    // The access log must tell who really wrote: the front desk registers the patient and enters the intake
    // details (address, insurance, consents); then the patient activates their account with their own sign-in.
    internal static async Task<string> CreateAsync(IServiceProvider services, Caller frontDesk, DemoPeople.DemoPatient patient, CancellationToken cancellationToken)
    {
        var registered = await services.GetRequiredService<RegisterPatient>().ExecuteAsync(
            frontDesk, new NewPatient(patient.GivenName, patient.FamilyName, patient.BirthDate, patient.Mrn, patient.Phone, patient.Email), idempotencyKey: null, cancellationToken);
        if (!registered.Succeeded)
        {
            throw new InvalidOperationException($"Demo patient {patient.Subject} could not be registered: {registered.Failure.Detail} Delete the .azurite folder to start afresh.");
        }

        var patientId = registered.Value.PatientId;
        var patch = $$"""
            {
              "address": { "line1": "{{patient.Line1}}", "line2": null, "city": "{{patient.City}}", "state": "{{patient.State}}", "postalCode": "{{patient.PostalCode}}", "country": "US" },
              "preferredLanguage": "{{patient.Language}}",
              "timeZone": "America/Chicago",
              "smsConsent": true,
              "emailConsent": true,
              "emergencyContacts": [ { "name": "{{(patient.FamilyName == "Diaz" ? "Luis" : "Alex")}} {{patient.FamilyName}}", "relationship": "{{(patient.Subject == "patient-leo" ? "parent" : "spouse")}}", "phone": "+13125550199" } ],
              "insurance": { "payer": "{{patient.Insurer}}", "plan": null, "memberId": "{{patient.MemberId}}", "groupNumber": null }
            }
            """;

        // "*" rather than a read first: the seed wrote this profile a moment ago and nobody else can reach it yet.
        var changed = await services.GetRequiredService<ChangeProfile>().ExecuteAsync(frontDesk, patientId, "*", patch, cancellationToken);
        if (!changed.Succeeded)
        {
            throw new InvalidOperationException($"Demo profile for {patient.Subject} was refused: {changed.Failure.Detail}");
        }

        var person = new Caller(patient.Subject, $"{patient.GivenName} {patient.FamilyName}", new HashSet<string> { "Patient" }, HasMfa: true);
        var linked = await services.GetRequiredService<RedeemActivationCode>().ExecuteAsync(person, registered.Value.ActivationCode, patient.BirthDate, cancellationToken);
        return linked.Succeeded ? patientId : throw new InvalidOperationException($"Demo patient {patient.Subject} could not be activated: {linked.Failure.Detail}");
    }

    internal static Caller Caller(DemoPeople.Person person, bool mfa) => new(person.Subject, person.Name, person.Roles.ToHashSet(), mfa);
}
