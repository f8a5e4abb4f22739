using Portal.Core.Labs;
using Portal.Core.Labs.Fhir;

namespace Portal.Tests.Labs;

/// <summary>FHIR from labs is read leniently: a defect that loses no data is a warning, not a refusal.</summary>
public class LenientFhirReadingTests
{
    private const string Report = """
        {"resourceType":"Bundle","type":"collection","identifier":{"system":"urn:lab","value":"B-1"},"entry":[
         {"fullUrl":"urn:uuid:4a9f6c36-2c3a-4d8f-9a51-0b6a3f1d2e11","resource":{"resourceType":"DiagnosticReport",
          "text":{"status":"generated"},
          "extension":[{"url":"http://lab.example.org/fhir/StructureDefinition/courier","valueString":"van 3"}],
          "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},
          "subject":{"reference":"urn:uuid:4a9f6c36-2c3a-4d8f-9a51-0b6a3f1d2e12"},
          "result":[{"reference":"urn:uuid:4a9f6c36-2c3a-4d8f-9a51-0b6a3f1d2e13"}]}},
         {"fullUrl":"urn:uuid:4a9f6c36-2c3a-4d8f-9a51-0b6a3f1d2e12","resource":{"resourceType":"Patient","name":[{"family":"Doe"}]}},
         {"fullUrl":"urn:uuid:4a9f6c36-2c3a-4d8f-9a51-0b6a3f1d2e13","resource":{"resourceType":"Observation","status":"final",
          "code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},"valueQuantity":{"value":6.1,"unit":"%"}}}]}
        """;

    [Fact]
    public void A_narrative_without_its_div_and_an_unknown_extension_are_read_with_a_warning()
    {
        var read = new FhirLabReportReader().Read(Report);

        Assert.True(read.IsSuccess, read.ToString());
        Assert.Equal(6.1m, Assert.IsType<LabQuantityValue>(read.Report.Orders.Single().Observations.Single().Value).Value);
        Assert.Contains(read.Report.Warnings, w => w.StartsWith("FHIR:", StringComparison.Ordinal));
        Assert.Equal(("B-1", "urn:lab"), (read.Report.MessageControlId, read.Report.SendingFacility!.UniversalId));
    }

    [Fact]
    public void Without_a_bundle_identifier_the_report_identifiers_name_the_message()
    {
        var json = Report
            .Replace("\"identifier\":{\"system\":\"urn:lab\",\"value\":\"B-1\"},", "", StringComparison.Ordinal)
            .Replace("\"text\":{\"status\":\"generated\"},", "\"identifier\":[{\"system\":\"urn:lab:orders\",\"value\":\"F-77\"}],", StringComparison.Ordinal);

        var read = new FhirLabReportReader().Read(json);

        Assert.True(read.IsSuccess, read.ToString());
        Assert.StartsWith("F-77|final@", read.Report.MessageControlId, StringComparison.Ordinal);
    }
}
