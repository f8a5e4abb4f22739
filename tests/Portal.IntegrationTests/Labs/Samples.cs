using System.Text.Json;
using Portal.LocalHost.Storage;

namespace Portal.IntegrationTests.Labs;

/// <summary>The shared HL7 samples (copied to tests/Portal.Tests/TestData) and FHIR bundles for a test patient.</summary>
internal static class Samples
{
    public static string Hl7(string name) => Path.Combine(RepositoryRoot.Find(), "tests", "Portal.Tests", "TestData", "hl7", name);

    /// <summary>The message with MSH-10 replaced.</summary>
    public static string WithControlId(string message, string controlId)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var header = message[..end];
        var fields = header.Split(header[3]);
        fields[9] = controlId;
        return string.Join(header[3], fields) + message[end..];
    }

    /// <summary>A FHIR collection Bundle: the patient (MRN from the configured authority), an HbA1c DiagnosticReport and its Observation.</summary>
    public static string FhirBundle(string bundleId, LabMessages.Patient patient, string value = "6.4")
    {
        var (patientUrl, reportUrl, observationUrl) = ($"urn:uuid:{Guid.NewGuid()}", $"urn:uuid:{Guid.NewGuid()}", $"urn:uuid:{Guid.NewGuid()}");
        return JsonSerializer.Serialize(new
        {
            resourceType = "Bundle",
            type = "collection",
            identifier = new { system = TestPortal.LabFacility, value = bundleId },
            entry = new object[]
        {
            new
            {
                fullUrl = patientUrl,
                resource = new
                {
                    resourceType = "Patient",
                    identifier = new[] { new { system = TestPortal.LabMrnAuthority, value = patient.Mrn } },
                    name = new[] { new { family = patient.Family, given = new[] { patient.Given } } },
                    birthDate = patient.BirthDate.ToString("yyyy-MM-dd"),
                },
            },
            new
            {
                fullUrl = reportUrl,
                resource = new
                {
                    resourceType = "DiagnosticReport",
                    identifier = new[] { new { system = "urn:lab:orders", value = "F-" + bundleId } },
                    status = "final",
                    // A narrative without its div: a defect the reader tolerates with a warning.
                    text = new { status = "generated" },
                    code = new { coding = new[] { new { system = "http://loinc.org", code = "4548-4", display = "Hemoglobin A1c" } } },
                    subject = new { reference = patientUrl },
                    effectiveDateTime = "2025-03-01T08:30:00-07:00",
                    issued = "2025-03-01T10:10:00-07:00",
                    result = new[] { new { reference = observationUrl } },
                },
            },
            new
            {
                fullUrl = observationUrl,
                resource = new
                {
                    resourceType = "Observation",
                    status = "final",
                    code = new { coding = new[] { new { system = "http://loinc.org", code = "4548-4", display = "Hemoglobin A1c" } } },
                    subject = new { reference = patientUrl },
                    effectiveDateTime = "2025-03-01T08:30:00-07:00",
                    valueQuantity = new { value = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit = "%", system = "http://unitsofmeasure.org", code = "%" },
                    referenceRange = new[] { new { low = new { value = 4.0 }, high = new { value = 5.6 } } },
                },
            },
        },
        });
    }
}
