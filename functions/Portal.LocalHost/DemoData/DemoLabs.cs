using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Identity;
using Portal.Core.Labs;
using Portal.Core.Labs.Ingestion;
using Portal.Core.Labs.Results;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// A year of lab results for the demo patients, pushed by Acme Reference Lab (<c>lab-acme</c>, configured in
/// appsettings.Development.json) through the real ingestion as HL7 v2 ORU^R01: Ana's CBC, a lipid panel with a high
/// LDL and an HbA1c every three months (a trend); Benjamin's lipids, HbA1c and eGFR; Chloe chose to hold pathology
/// results, so her biopsy report waits for Dr. Chen; and one message for a patient the clinic does not know waits in
/// the unmatched work queue. Control ids are fixed, so a restart re-sends them and the ledger changes nothing.
/// </summary>
internal static class DemoLabs
{
    private const string Facility = "05D2223334";

    private sealed record Obx(string Loinc, string Name, string Value, string Unit, string Range, string Flag = "");

    private sealed record Panel(string Code, string Name, string Section, Obx[] Values);

    private static readonly Panel Cbc = new("58410-2", "CBC panel", "HM",
    [
        new("6690-2", "WBC", "6.8", "10*3/uL", "4.0-11.0"),
        new("789-8", "RBC", "4.1", "10*6/uL", "3.9-5.2"),
        new("718-7", "Hemoglobin", "11.6", "g/dL", "12.0-15.5", "L"),
        new("4544-3", "Hematocrit", "35.2", "%", "35.5-44.9", "L"),
        new("787-2", "MCV", "82", "fL", "80-100"),
        new("777-3", "Platelets", "262", "10*3/uL", "150-400"),
    ]);

    private static Panel Lipids(string ldl, string flag) => new("57698-3", "Lipid panel", "CH",
    [
        new("2093-3", "Cholesterol", "236", "mg/dL", "<200", "H"),
        new("2571-8", "Triglycerides", "148", "mg/dL", "<150"),
        new("2085-9", "HDL Cholesterol", "52", "mg/dL", ">=40"),
        new("13457-7", "LDL Cholesterol (calc)", ldl, "mg/dL", "<100", flag),
    ]);

    private static Panel HbA1c(string value) => new("4548-4", "Hemoglobin A1c", "CH",
        [new("4548-4", "Hemoglobin A1c", value, "%", "4.0-5.6", decimal.Parse(value, CultureInfo.InvariantCulture) > 5.6m ? "H" : "")]);

    private static readonly Panel Biopsy = new("22634-0", "Pathology report", "SP",
        [new("22637-3", "Final diagnosis", "Skin, left forearm, shave biopsy: see full report", "", "")]);

    /// <summary>Sends the demo messages (again: duplicates change nothing) and sets Chloe's hold choice first.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> patientIds, CancellationToken cancellationToken)
    {
        var ingest = services.GetRequiredService<IngestLabMessage>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lab = DemoSeed.Caller(DemoPeople.Staff.Single(s => s.Subject == "lab-acme"), mfa: false);
        var ana = DemoPeople.Patients.Single(p => p.Subject == "patient-ana");
        var ben = DemoPeople.Patients.Single(p => p.Subject == "patient-ben");
        var chloe = DemoPeople.Patients.Single(p => p.Subject == "patient-chloe");

        // Chloe asked, before her biopsy, to see pathology only once Dr. Chen has looked at it.
        var chloeId = patientIds["patient-chloe"];
        var results = services.GetRequiredService<ILabResults>();
        if (await results.FindPreferencesAsync(chloeId, cancellationToken) is null)
        {
            await services.GetRequiredService<ResultHoldChoices>().ChangeAsync(
                DemoSeed.Caller(new DemoPeople.Person(chloe.Subject, $"{chloe.GivenName} {chloe.FamilyName}", ["Patient"], "patient"), mfa: true),
                chloeId, ResultHoldChoices.DefaultsETag, [new CategoryHold(ResultCategory.Pathology, 7)], cancellationToken);
        }

        var messages = new List<(string Id, DemoPeople.DemoPatient Patient, DateTimeOffset At, Panel Panel)>
        {
            ("DEMO-ANA-CBC", ana, now.AddDays(-20), Cbc),
            ("DEMO-ANA-LIPIDS", ana, now.AddDays(-20), Lipids("168", "H")),
            ("DEMO-BEN-LIPIDS", ben, now.AddDays(-45), Lipids("94", "")),
            ("DEMO-CHLOE-BIOPSY", chloe, now.AddDays(-2), Biopsy),
        };
        foreach (var (months, value) in new[] { (12, "6.9"), (9, "6.6"), (6, "6.3"), (3, "6.1"), (0, "5.8") })
        {
            messages.Add(($"DEMO-ANA-A1C-{months}", ana, now.AddMonths(-months).AddDays(-14), HbA1c(value)));
        }

        foreach (var (months, value) in new[] { (9, "7.8"), (6, "7.5"), (3, "7.2") })
        {
            messages.Add(($"DEMO-BEN-A1C-{months}", ben, now.AddMonths(-months).AddDays(-7), HbA1c(value)));
        }

        messages.Add(("DEMO-BEN-EGFR", ben, now.AddDays(-45), new Panel("98979-8", "eGFR", "CH", [new("98979-8", "eGFR (CKD-EPI 2021)", "58", "mL/min/{1.73_m2}", ">=60", "L")])));

        foreach (var (id, patient, at, panel) in messages)
        {
            await SendAsync(ingest, lab, Oru(id, patient.Mrn, patient.FamilyName, patient.GivenName, patient.BirthDate, at, panel), cancellationToken);
        }

        // A patient the clinic does not know (another clinic's MRN): staff match or reject it.
        await SendAsync(ingest, lab, Oru("DEMO-UNKNOWN-1", "RFC-900999", "Gomez", "Maria", new DateOnly(1979, 2, 11), now.AddDays(-1), HbA1c("5.4")), cancellationToken);
    }

    private static async Task SendAsync(IngestLabMessage ingest, Caller lab, string message, CancellationToken cancellationToken)
    {
        var outcome = await ingest.ExecuteAsync(new LabDelivery(Encoding.UTF8.GetBytes(message), LabReportFormat.Hl7V2, "https", lab), cancellationToken);
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException($"A demo lab message was refused: {outcome.Refusal}");
        }
    }

    private static string Oru(string controlId, string mrn, string family, string given, DateOnly birth, DateTimeOffset collected, Panel panel)
    {
        var at = collected.ToString("yyyyMMddHHmmzzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append($"MSH|^~\\&|AcmeLIS^{Facility}^CLIA|Acme Reference Lab^{Facility}^CLIA|Portal|Riverside|{at}||ORU^R01^ORU_R01|{controlId}|P|2.5.1\r");
        sb.Append($"PID|1||{mrn}^^^RFC^MR||{family}^{given}||{birth:yyyyMMdd}\r");
        sb.Append($"ORC|RE||{controlId}^ACME\r");
        sb.Append($"OBR|1||{controlId}^ACME|{panel.Code}^{panel.Name}^LN|||{at}|||||||||1234567890^Chen^Mei^^^Dr||||||{at}||{panel.Section}|F\r");
        var set = 1;
        foreach (var o in panel.Values)
        {
            var type = decimal.TryParse(o.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "NM" : "TX";
            sb.Append($"OBX|{set++}|{type}|{o.Loinc}^{o.Name}^LN||{o.Value}|{o.Unit}^^UCUM|{o.Range}|{o.Flag}|||F|||{at}|||||||||Acme Reference Lab^L^^^^CLIA&{Facility}&CLIA^XX^^^{Facility}|3100 S Halsted St^^Chicago^IL^60608\r");
        }

        return sb.ToString();
    }
}
