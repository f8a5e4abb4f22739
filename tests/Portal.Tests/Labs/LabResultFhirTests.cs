using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Portal.Core.Labs;
using Portal.Core.Labs.Fhir;
using Portal.Core.Labs.Results;

namespace Portal.Tests.Labs;

/// <summary>A stored result as US Core Lab DiagnosticReport and Observations, for the FHIR API.</summary>
public class LabResultFhirTests
{
    private static readonly DateTimeOffset Collected = new(2025, 3, 1, 8, 30, 0, TimeSpan.FromHours(-7));

    private static LabResult Result() => new(
        "p-1", "r1", "05D0000001", "ORD-1", "57698-3", "Lipid panel", ResultCategory.General, LabResultStatus.Corrected, Collected, Collected.AddHours(2), Collected.AddHours(3),
        "Ana Chen", "Test Lab, Denver, CO", [], 2, 1, [ResultFlag.High], ReleaseState.Released, Collected.AddHours(3), null, [],
        new ClinicianComment("Let's talk about diet.", "dr", "Dr Chen", Collected.AddDays(1)), null, [], []);

    private static ResultObservation Ldl() =>
        new(1, "13457-7", "13457-7", "LDL Cholesterol", "NM", "162", 162m, null, "mg/dL", "<130", null, 130m, ["H"], [ResultFlag.High], LabResultStatus.Corrected, Collected, null, ["Fasting"]);

    [Fact]
    public void The_report_carries_what_us_core_lab_requires_and_round_trips_through_strict_json()
    {
        var (report, observations) = LabResultFhir.Map(Result(), [Ldl()]);

        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Corrected, report.Status);
        Assert.Equal("LAB", report.Category.Single().Coding.Single().Code);
        Assert.Equal(("http://loinc.org", "57698-3"), (report.Code.Coding[0].System, report.Code.Coding[0].Code));
        Assert.Equal("Patient/p-1", report.Subject!.Reference);
        Assert.NotNull(report.Effective);
        Assert.NotNull(report.Issued);
        Assert.Equal("Let's talk about diet.", report.Conclusion);
        Assert.Equal(["Observation/r1-1"], report.Result.Select(r => r.Reference));

        var json = new FhirJsonSerializer().SerializeToString(report);
        var again = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<DiagnosticReport>(json)!;
        Assert.Equal(report.Code.Coding[0].Code, again.Code.Coding[0].Code);
        Assert.Single(observations);
    }

    [Fact]
    public void An_observation_is_laboratory_with_its_ucum_quantity_range_and_interpretation()
    {
        var observation = LabResultFhir.Map(Result(), [Ldl()]).Observations.Single();

        Assert.Equal("laboratory", observation.Category.Single().Coding.Single().Code);
        var value = Assert.IsType<Quantity>(observation.Value);
        Assert.Equal((162m, "mg/dL", "http://unitsofmeasure.org"), (value.Value!.Value, value.Code, value.System));
        Assert.Equal(130m, observation.ReferenceRange.Single().High!.Value);
        Assert.Equal("H", observation.Interpretation.Single().Coding.Single().Code);
        Assert.Equal(ObservationStatus.Corrected, observation.Status);
        var json = new FhirJsonSerializer().SerializeToString(observation);
        Assert.Equal("r1-1", new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Observation>(json)!.Id);
    }
}
