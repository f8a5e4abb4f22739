using Portal.Core.Labs;
using Portal.Core.Labs.Fhir;

namespace Portal.Tests.Labs;

/// <summary>Hand-written FHIR R4 Bundles (TestData/fhir), one per value[x] type, mapped to the same normalized report.</summary>
public class FhirLabReportReaderTests
{
    private static readonly FhirLabReportReader Reader = new();

    private static LabReport Read(string file)
    {
        var result = Reader.Read(LabTestData.Fhir(file));
        Assert.True(result.IsSuccess, result.ToString());
        return result.Report;
    }

    [Fact]
    public void Quantity_with_comparator_patient_specimen_performer_and_range()
    {
        var report = Read("bundle-quantity.json");
        Assert.Equal(LabReportFormat.FhirR4, report.Format);
        Assert.Equal("urn:uuid:5b1d6c32-8f0e-4c1a-9d7e-0a1b2c3d4e5f", report.MessageControlId);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.FromHours(-7)), report.MessageTime?.Value);
        Assert.Equal("R4", report.Version);

        var patient = Assert.Single(report.Patients);
        Assert.Equal("9817566735", patient.Identifiers[0].Value);
        Assert.Equal("MR", patient.Identifiers[0].TypeCode);
        Assert.Equal(new LabDesignator("MPI", "2.16.840.1.113883.19.3.2.1", "ISO"), patient.Identifiers[0].AssigningAuthority);
        Assert.Equal("SS", patient.Identifiers[1].TypeCode);
        Assert.Equal("http://hl7.org/fhir/sid/us-ssn", patient.Identifiers[1].AssigningAuthority?.UniversalId);
        Assert.Equal(new LabPersonName("Johnson", "Philip", "Andrew"), patient.Name);
        Assert.Equal("M", patient.Sex);
        Assert.Equal(new DateOnly(2007, 5, 26), patient.BirthDate?.Date);
        Assert.Equal(TimePrecision.Day, patient.BirthDate?.Precision);

        var order = Assert.Single(report.Orders);
        Assert.Same(patient, order.Patient);
        Assert.Equal("23456", order.PlacerOrderNumber?.Value);
        Assert.Equal("9700123", order.FillerOrderNumber?.Value);
        Assert.Equal("2.16.840.1.113883.19.3.1.6", order.FillerOrderNumber?.AssigningAuthority?.UniversalId);
        Assert.Equal("10368-9", order.Test.Code);
        Assert.Equal("LN", order.Test.System);
        Assert.Equal("LEAD", order.Test.AlternateCode);
        Assert.Equal("Blood lead", order.Test.OriginalText);
        Assert.Equal(LabResultStatus.Final, order.Status);
        Assert.Equal("final", order.StatusCode);
        Assert.Equal(new DateTimeOffset(2024, 1, 14, 10, 30, 0, TimeSpan.FromHours(-7)), order.CollectedAt?.Value);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 0, 0, TimeSpan.FromHours(-7)), order.ReportedAt?.Value);
        Assert.Equal(["Below the reporting limit."], order.Notes);
        Assert.Equal("S-1", order.Specimen?.Id?.Value);
        Assert.Equal("122554006", order.Specimen?.Type?.Code);
        Assert.Equal("SCT", order.Specimen?.Type?.System);
        Assert.Equal(new DateTimeOffset(2024, 1, 14, 12, 0, 0, TimeSpan.FromHours(-7)), order.Specimen?.ReceivedAt?.Value);

        var obs = Assert.Single(order.Observations);
        Assert.Equal("SN", obs.ValueType);
        Assert.Equal("10368-9", obs.Code.Loinc);
        Assert.Equal(new LabQuantityValue(3.3m, "<"), obs.Value);
        Assert.Equal("ug/dL", obs.Units?.Code);
        Assert.Equal("UCUM", obs.Units?.System);
        Assert.Equal(5m, obs.ReferenceRange?.High);
        Assert.Null(obs.ReferenceRange?.Low);
        Assert.Equal("<5 ug/dL", obs.ReferenceRange?.Text);
        Assert.Equal([new AbnormalFlag("N")], obs.Flags);
        Assert.Equal(LabResultStatus.Final, obs.Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 14, 10, 30, 0, TimeSpan.FromHours(-7)), obs.ObservedAt?.Value);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 0, 0, TimeSpan.FromHours(-7)), obs.AnalyzedAt?.Value);
        Assert.Equal("GHH Lab", obs.PerformingOrganization?.Name);
        Assert.Equal("05D0000000", obs.PerformingOrganization?.Identifier);
        Assert.Equal("Ann Arbor", obs.PerformingOrganization?.Address?.City);
        Assert.Equal(["Capillary sample."], obs.Notes);
    }

    [Fact]
    public void Codeable_concept_by_relative_reference_in_a_transaction()
    {
        var report = Read("bundle-codeable-concept.json");
        Assert.Equal("bundle-cc", report.MessageControlId);
        var order = Assert.Single(report.Orders);
        Assert.Equal("MRN-7", order.Patient?.Identifiers[0].Value);
        Assert.Equal("1.2.3", order.Patient?.Identifiers[0].AssigningAuthority?.UniversalId);
        Assert.Equal("F", order.Patient?.Sex);
        Assert.Equal(TimePrecision.Month, order.Patient?.BirthDate?.Precision);
        Assert.Equal(TimePrecision.Day, order.CollectedAt?.Precision);
        Assert.Equal(new DateOnly(2024, 1, 14), order.CollectedAt?.Date);
        Assert.Equal(LabResultStatus.Preliminary, order.Status);

        var obs = Assert.Single(order.Observations);
        Assert.Equal("CWE", obs.ValueType);
        var coded = Assert.IsType<LabCodedValue>(obs.Value).Code;
        Assert.Equal("66543000", coded.Code);
        Assert.Equal("Campylobacter jejuni", coded.Text);
        Assert.Equal("SCT", coded.System);
        Assert.Equal("C. jejuni", coded.OriginalText);
        Assert.Equal(["POS", "A"], obs.Flags.Select(f => f.Code));
        Assert.Equal([AbnormalFlagKind.Positive, AbnormalFlagKind.Abnormal], obs.Flags.Select(f => f.Kind));
        Assert.Equal(LabResultStatus.Preliminary, obs.Status);
    }

    [Fact]
    public void String_from_a_contained_observation_in_a_message_bundle()
    {
        var report = Read("bundle-string.json");
        Assert.Equal("Lab1 LIS", report.SendingApplication?.NamespaceId);
        Assert.Equal("https://lab1.example/fhir", report.SendingApplication?.UniversalId);
        Assert.Equal("Bundle/message", report.MessageType);
        var order = Assert.Single(report.Orders);
        Assert.Equal("MRN-9", order.Patient?.Identifiers[0].Value);
        Assert.Equal(LabResultStatus.Amended, order.Status);
        var obs = Assert.Single(order.Observations);
        Assert.Equal("ST", obs.ValueType);
        Assert.Equal(new LabTextValue("food handler"), obs.Value);
        Assert.Equal(LabResultStatus.Amended, obs.Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(-5)), obs.ObservedAt?.Value);
    }

    [Fact]
    public void Ratio()
    {
        var order = Assert.Single(Read("bundle-ratio.json").Orders);
        Assert.Empty(Read("bundle-ratio.json").Patients);
        Assert.Null(order.Patient);
        Assert.Equal(LabResultStatus.Corrected, order.Status);
        var obs = Assert.Single(order.Observations);
        Assert.Equal(new LabRatioValue(1m, 128m), obs.Value);
        Assert.Equal(["H", "A"], obs.Flags.Select(f => f.Code));
        Assert.Equal(LabResultStatus.Corrected, obs.Status);
    }

    [Fact]
    public void Range_with_local_code()
    {
        var order = Assert.Single(Read("bundle-range.json").Orders);
        Assert.Equal(LabResultStatus.Cancelled, order.Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 14, 7, 0, 0, TimeSpan.FromHours(1)), order.CollectedAt?.Value);
        Assert.Null(order.Test.Loinc);
        Assert.Equal("http://acme.example/lab", order.Test.System);
        var obs = Assert.Single(order.Observations);
        Assert.Equal(new LabRangeValue(10m, 20m), obs.Value);
        Assert.Equal("/[HPF]", obs.Units?.Code);
        Assert.Equal(0m, obs.ReferenceRange?.Low);
        Assert.Equal(5m, obs.ReferenceRange?.High);
        Assert.Equal(LabResultStatus.Cancelled, obs.Status);
    }

    public static TheoryData<string, string?, LabRefusalReason> Refused => new()
    {
        { "null", null, LabRefusalReason.Empty },
        { "blank", "  ", LabRefusalReason.Empty },
        { "not JSON", "MSH|^~\\&|LAB", LabRefusalReason.InvalidFhir },
        { "truncated JSON", "{\"resourceType\":\"Bundle\",\"type\":\"coll", LabRefusalReason.InvalidFhir },
        { "no resourceType", "{\"type\":\"collection\"}", LabRefusalReason.InvalidFhir },
        { "unknown resource", "{\"resourceType\":\"LabThing\"}", LabRefusalReason.InvalidFhir },
        { "unknown element", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"colour\":\"red\"}", LabRefusalReason.InvalidFhir },
        { "wrong type for an element", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"total\":\"many\"}", LabRefusalReason.InvalidFhir },
        { "invalid code", "{\"resourceType\":\"Bundle\",\"type\":\"box\"}", LabRefusalReason.InvalidFhir },
        { "a Patient", "{\"resourceType\":\"Patient\",\"id\":\"p\"}", LabRefusalReason.NoDiagnosticReport },
        { "empty Bundle", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", LabRefusalReason.NoDiagnosticReport },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Invalid_fhir_is_refused_with_a_reason(string name, string? json, LabRefusalReason reason)
    {
        var result = Reader.Read(json);
        Assert.False(result.IsSuccess, name);
        Assert.Equal(reason, result.Refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
    }

    [Fact]
    public void Bundle_without_a_report_is_refused()
    {
        var result = Reader.Read(LabTestData.Fhir("bundle-no-report.json"));
        Assert.Equal(LabRefusalReason.NoDiagnosticReport, result.Refusal?.Reason);
    }

    [Fact]
    public void Too_large_and_not_utf8_are_refused()
    {
        var small = new FhirLabReportReader(new LabReaderOptions { MaxMessageBytes = 50 });
        Assert.Equal(LabRefusalReason.TooLarge, small.Read(LabTestData.Fhir("bundle-range.json")).Refusal?.Reason);
        Assert.Equal(LabRefusalReason.BinaryContent, Reader.Read([0xC3, 0x28, 0x7B]).Refusal?.Reason);
        Assert.True(Reader.Read(System.Text.Encoding.UTF8.GetBytes(LabTestData.Fhir("bundle-range.json"))).IsSuccess);
    }

    [Fact]
    public void Mutated_bundles_always_give_a_report_or_a_reason()
    {
        var sources = new[] { "bundle-quantity.json", "bundle-codeable-concept.json", "bundle-string.json", "bundle-ratio.json", "bundle-range.json" }
            .Select(LabTestData.Fhir).ToArray();
        var random = new Random(1125);
        var reports = 0;
        for (var i = 0; i < 300; i++)
        {
            var chars = sources[random.Next(sources.Length)].ToCharArray().ToList();
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.RemoveRange(at, chars.Count - at);
                    break;
                case 1:
                    const string Junk = "{}[]\",:0a#";
                    chars[at] = Junk[random.Next(Junk.Length)];
                    break;
                case 2:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 40), chars.Count - at));
                    break;
                default:
                    chars.InsertRange(random.Next(chars.Count), chars.GetRange(at, Math.Min(random.Next(1, 80), chars.Count - at)));
                    break;
            }

            var result = Reader.Read(new string([.. chars]));
            Assert.NotNull(result);
            if (result.IsSuccess)
            {
                reports++;
            }
            else
            {
                Assert.NotEqual(LabRefusalReason.InternalError, result.Refusal.Reason);
                Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
            }
        }

        Assert.InRange(reports, 1, 299);
    }
}
