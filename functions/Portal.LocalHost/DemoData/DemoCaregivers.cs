using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Caregivers;
using Portal.Core.Clinic;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Caregiver access in the demo clinic, through the real use cases: Maya (15) with her mother Sofia, whose request with
/// Maya's birth certificate the front desk approved — Sofia sees only what the clinic allows for adolescents, never
/// Maya's confidential visit reason; and Rosa (80) with her son James, whose scoped grant ends next month. Once: a
/// patient already linked is left alone.
/// </summary>
internal static class DemoCaregivers
{
    public static readonly DemoPeople.DemoPatient Maya = new(
        "patient-maya", "Maya", "Ramirez", new DateOnly(2011, 4, 18), "RFC-100206", "+13125550106", "maya.ramirez@example.org",
        "3318 W Diversey Ave", "Chicago", "IL", "60647", "en-US", "Blue Cross Blue Shield of Illinois", "XOJ551209334");

    public static readonly DemoPeople.DemoPatient Rosa = new(
        "patient-rosa", "Rosa", "Martinez", new DateOnly(1946, 7, 2), "RFC-100207", "+13125550107", "rosa.martinez@example.org",
        "6045 N Sheridan Rd", "Chicago", "IL", "60660", "es-US", "Medicare", "3HU7KX2LM91");

    public static readonly DemoPeople.Person Sofia = new("caregiver-sofia", "Sofia Ramirez", ["Patient"], "caregiver: Maya Ramirez's mother (adolescent rules apply)");

    public static readonly DemoPeople.Person James = new("caregiver-james", "James Martinez", ["Patient"], "caregiver: Rosa Martinez's son, appointments and billing until next month");

    private static readonly string[] SofiaScopes = ["records.read", "results.read", "appointments.write", "messages.write", "billing.write"];
    private static readonly string[] JamesScopes = ["appointments.write", "billing.read"];

    /// <summary>Seeds both families (once) and returns the lines the start-up report prints.</summary>
    public static async Task<string> SeedAsync(IServiceProvider services, Caller frontDesk, CancellationToken cancellationToken)
    {
        var links = services.GetRequiredService<IPatientLinks>();
        var report = new StringBuilder();
        foreach (var patient in new[] { Maya, Rosa })
        {
            var existing = (await links.ListAsync(patient.Subject, cancellationToken)).FirstOrDefault(l => l.Kind == LinkKind.Self)?.PatientId;
            var patientId = existing ?? await DemoSeed.CreateAsync(services, frontDesk, patient, cancellationToken);
            if (existing is null)
            {
                await (patient == Maya ? MayaAsync(services, frontDesk, patientId, cancellationToken) : RosaAsync(services, patientId, cancellationToken));
            }

            report.AppendLine($"  {patient.Subject,-16} {patient.GivenName} {patient.FamilyName,-10} {patientId}");
        }

        report.AppendLine($"Caregiver: {Sofia.Subject} — {Sofia.What}: {string.Join(' ', SofiaScopes)}");
        report.AppendLine($"Caregiver: {James.Subject} — {James.What}: {string.Join(' ', JamesScopes)}");
        return report.ToString();
    }

    private static async Task MayaAsync(IServiceProvider services, Caller frontDesk, string patientId, CancellationToken cancellationToken)
    {
        // Her record: what her mother may see (allergies, immunizations) and a visit reason only Maya and her clinicians see.
        var chart = new DemoChart(patientId, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        chart.Allergy("Latex", "111088007", CodeSystems.Snomed, AllergyCategory.Environment, "Itchy rash", AllergySeverity.Mild, AllergyCriticality.Low, "2019-06");
        chart.Immunization("HPV, 9-valent", "165", "2024-05-02", "HP9912B", "Left arm", "Priya Patel, NP");
        chart.Immunization("Tdap", "115", "2023-08-15", "TD4410K", "Right arm", "Priya Patel, NP");
        chart.Immunization("Meningococcal ACWY", "136", "2023-08-15", "MN2207Q", "Left arm", "Priya Patel, NP");
        chart.Problem("Exercise-induced asthma", "J45.990", "31387002", "2022-03");
        chart.Problem("Encounter for contraceptive counseling", "Z30.09", "410228008", "2026-02-12");
        chart.Items[^1] = chart.Items[^1] with { Confidential = true };
        var writeId = "demo" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patientId)))[..32];
        await services.GetRequiredService<IHealthRecord>().WriteAsync(new RecordWrite(patientId, writeId, [.. chart.Items.Select(i => new RecordChange(null, null, i))], null), cancellationToken);

        // Her mother asks with the birth certificate; the front desk checks it and approves.
        var sofia = DemoSeed.Caller(Sofia, mfa: true);
        var filed = await services.GetRequiredService<RequestProxyAccess>().ExecuteAsync(
            sofia,
            new NewProxyRequest("Sofia Ramirez", "sofia.ramirez@example.org", "+13125550116", "Maya Ramirez", Maya.BirthDate, Maya.Mrn, "parent", "minor",
                "I am Maya's mother; her birth certificate is attached.", SofiaScopes),
            null, cancellationToken);
        var certificate = DemoPdf.Page("Certificate of Live Birth (demo)", ["Child: Maya Ramirez", "Born: April 18, 2011, Chicago, Illinois", "Mother: Sofia Ramirez", "This is synthetic demo data."]);
        await services.GetRequiredService<AddRequestDocument>().ExecuteAsync(
            sofia, filed.Value!.RequestId, "birth-certificate", new IncomingFile("birth-certificate.pdf", "application/pdf", certificate), cancellationToken);
        var decided = await services.GetRequiredService<DecideProxyRequest>().ExecuteAsync(
            frontDesk, filed.Value.RequestId, new ProxyRequestReview(true, patientId, SofiaScopes, null, null), cancellationToken);
        if (!decided.Succeeded)
        {
            throw new InvalidOperationException($"Demo guardian for Maya was refused: {decided.Failure.Detail}");
        }
    }

    // Rosa invited her son in the portal; his grant covers appointments and bills and ends next month.
    private static async Task RosaAsync(IServiceProvider services, string patientId, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var rules = services.GetRequiredService<ProxyRules>();
        var nextMonth = ClinicClock.DateOf(rules.ClinicZone, now).AddMonths(1);
        var link = new PatientLink(
            James.Subject, patientId, LinkKind.Proxy, "Rosa Martinez", JamesScopes, ClinicClock.At(rules.ClinicZone, nextMonth.AddDays(1), TimeOnly.MinValue),
            null, "grant-demo-rosa", "child", Rosa.BirthDate);
        await services.GetRequiredService<GrantWrites>().SaveAsync(
            new GrantWrite(new ProxyGrant(link, "James Martinez", now, "invitation", "invitation-demo-rosa"), null, TakesAccessAway: false, []), cancellationToken);
    }
}
