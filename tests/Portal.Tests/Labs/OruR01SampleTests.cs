using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

/// <summary>The shared real-world samples (../shared/samples/hl7), parsed in full with their values asserted.</summary>
public class OruR01SampleTests
{
    private static readonly TimeZoneInfo Mountain = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
    private readonly OruR01Reader _reader = new(new LabReaderOptions { SenderTimeZone = Mountain });

    private LabReport ReadSample(string name)
    {
        var result = _reader.Read(LabTestData.Hl7Bytes(name));
        Assert.True(result.IsSuccess, result.ToString());
        var fromText = _reader.Read(LabTestData.Hl7Text(name));
        Assert.True(fromText.IsSuccess, fromText.ToString());
        return result.Report;
    }

    [Fact]
    public void All_samples_are_in_the_test_data()
    {
        Assert.Equal(
            ["ORU_R01_2.5.1_SampleTestCase1.hl7", "ORU_R01_2.5.1_SampleTestCase2.hl7", "adt-example.hl7", "cerner_lead.hl7", "realm-cj.hl7", "realm-hepatitis-c-virus.hl7"],
            LabTestData.Hl7Samples());
    }

    [Theory]
    [InlineData("ORU_R01_2.5.1_SampleTestCase1.hl7", "NIST-100929110701660")]
    [InlineData("ORU_R01_2.5.1_SampleTestCase2.hl7", "NIST-100929110745131")]
    public void Nist_blood_lead(string file, string controlId)
    {
        var report = ReadSample(file);

        Assert.Equal(LabReportFormat.Hl7V2, report.Format);
        Assert.Equal(controlId, report.MessageControlId);
        Assert.Equal("ORU^R01", report.MessageType);
        Assert.Equal("2.5.1", report.Version);
        Assert.Equal(new LabDesignator("EHR Application", "2.16.840.1.113883.3.72.7.1", "HL7"), report.SendingApplication);
        Assert.Equal(new LabDesignator("EHR Facility", "2.16.840.1.113883.3.72.7.2", "HL7"), report.SendingFacility);
        Assert.Equal("PH Application", report.ReceivingApplication?.NamespaceId);
        Assert.Equal(TimePrecision.Second, report.MessageTime?.Precision);
        Assert.False(report.MessageTime?.HasOffset);
        Assert.Equal(new DateTimeOffset(2010, 9, 29, 11, 7, file.EndsWith("1.hl7", StringComparison.Ordinal) ? 2 : 45, TimeSpan.FromHours(-6)), report.MessageTime?.Value);

        var patient = Assert.Single(report.Patients);
        var id = Assert.Single(patient.Identifiers);
        Assert.Equal("9817566735", id.Value);
        Assert.Equal("MR", id.TypeCode);
        Assert.Equal(new LabDesignator("MPI", "2.16.840.1.113883.19.3.2.1", "ISO"), id.AssigningAuthority);
        Assert.Equal(new LabPersonName("Johnson", "Philip"), patient.Name);
        Assert.Empty(report.Warnings);
        Assert.Equal(new DateOnly(2007, 5, 26), patient.BirthDate?.Date);
        Assert.Equal(TimePrecision.Day, patient.BirthDate?.Precision);
        Assert.Equal("M", patient.Sex);

        var order = Assert.Single(report.Orders);
        Assert.Same(patient, order.Patient);
        Assert.Null(order.PlacerOrderNumber);
        Assert.Equal("9700123", order.FillerOrderNumber?.Value);
        Assert.Equal("2.16.840.1.113883.19.3.1.6", order.FillerOrderNumber?.AssigningAuthority?.UniversalId);
        Assert.Equal("10368-9", order.Test.Code);
        Assert.Equal("Lead BldC-mCnc", order.Test.Text);
        Assert.Equal("LN", order.Test.System);
        Assert.Equal("10368-9", order.Test.Loinc);
        Assert.Equal("3456543", order.Test.AlternateCode);
        Assert.Equal("99USI", order.Test.AlternateSystem);
        Assert.Equal(new DateTimeOffset(2008, 8, 15, 10, 30, 0, TimeSpan.FromHours(-7)), order.CollectedAt?.Value);
        Assert.True(order.CollectedAt?.HasOffset);
        Assert.Equal(TimePrecision.Minute, order.CollectedAt?.Precision);
        Assert.Equal(new DateTimeOffset(2008, 8, 18, 18, 0, 0, TimeSpan.FromHours(-7)), order.ReportedAt?.Value);
        Assert.Equal(LabResultStatus.Final, order.Status);
        Assert.Equal("F", order.StatusCode);
        Assert.Equal("1234", order.OrderingProvider?.Id);
        Assert.Equal("Admit", order.OrderingProvider?.Name?.Family);
        Assert.Equal("Alan", order.OrderingProvider?.Name?.Given);
        Assert.Equal("ABC Medical Center", order.OrderingProvider?.AssigningAuthority?.NamespaceId);
        Assert.Equal("122554006", order.Specimen?.Type?.Code);
        Assert.Equal("SCT", order.Specimen?.Type?.System);

        var obx = Assert.Single(order.Observations);
        Assert.Equal("1", obx.SetId);
        Assert.Equal("NM", obx.ValueType);
        Assert.Equal("10368-9", obx.Code.Code);
        Assert.Equal("1", obx.SubId);
        Assert.Equal(new LabQuantityValue(50m), obx.Value);
        Assert.Equal("ug/dL", obx.Units?.Code);
        Assert.Equal("micro-gram per deci-liter", obx.Units?.Text);
        Assert.Equal("UCUM", obx.Units?.System);
        Assert.Equal("<9 mcg/dL:  Acceptable background lead exposure", obx.ReferenceRange?.Text);
        Assert.False(obx.ReferenceRange?.IsNumeric);
        Assert.Equal([new AbnormalFlag("H")], obx.Flags);
        Assert.Equal(AbnormalFlagKind.High, obx.Flags[0].Kind);
        Assert.Equal(LabResultStatus.Final, obx.Status);
        Assert.Equal(new DateTimeOffset(2008, 8, 15, 10, 30, 0, TimeSpan.FromHours(-7)), obx.ObservedAt?.Value);
        Assert.Equal(new DateTimeOffset(2008, 8, 18, 18, 0, 0, TimeSpan.FromHours(-7)), obx.AnalyzedAt?.Value);
        Assert.Equal("Lab", obx.PerformingOrganization?.Name);
        Assert.Equal("1236", obx.PerformingOrganization?.Identifier);
        Assert.Equal("CLIA", obx.PerformingOrganization?.AssigningAuthority?.NamespaceId);
        Assert.Equal(new LabAddress("3434 Industrial Lane", null, "Ann Arbor", "MI", "48103", null), obx.PerformingOrganization?.Address);
    }

    [Fact]
    public void Nist_case_2_has_repeated_reasons_and_still_one_order()
    {
        var message = Parse("ORU_R01_2.5.1_SampleTestCase2.hl7");
        var reasons = message.Get("OBR-31");
        Assert.Equal(3, reasons.RepetitionCount);
        Assert.Equal("780.79", message.Get("OBR-31[2].1").Value);
        Assert.Equal("Abdominal pain", message.Get("OBR-31[3].2").Value);
    }

    [Fact]
    public void Cerner_lead_with_trailing_line_feed()
    {
        var report = ReadSample("cerner_lead.hl7");

        Assert.Equal("201010010913000772", report.MessageControlId);
        Assert.Equal("HealthSentry", report.SendingApplication?.NamespaceId);
        Assert.Equal("Baseline West MC", report.SendingFacility?.NamespaceId);
        Assert.Equal("33D1234567", report.SendingFacility?.UniversalId);
        var patient = Assert.Single(report.Patients);
        var id = Assert.Single(patient.Identifiers);
        Assert.Equal("9339683996", id.Value);
        Assert.Equal("MR", id.TypeCode);
        Assert.Equal(new LabDesignator("Baseline West MC", "33D1234567", "L"), id.AssigningAuthority);
        Assert.Equal(new LabDesignator("Baseline West MC", "33D1234567", "L"), id.AssigningFacility);
        Assert.Equal(new LabPersonName("Miller", "Paul", "One"), patient.Name);
        Assert.Equal(TimePrecision.Second, patient.BirthDate?.Precision);
        Assert.Equal(new DateTime(2005, 7, 15, 5, 0, 0), patient.BirthDate?.Value.DateTime);

        var order = Assert.Single(report.Orders);
        Assert.Equal("2010273000015", order.FillerOrderNumber?.Value);
        Assert.Equal("10368-9", order.Test.Loinc);
        Assert.Equal("99zzz or L", order.Test.AlternateSystem);
        Assert.Equal(new DateTimeOffset(2010, 11, 4, 16, 40, 0, TimeSpan.FromHours(-6)), order.CollectedAt?.Value);
        Assert.False(order.CollectedAt?.HasOffset);
        Assert.Equal("Harrison", order.OrderingProvider?.Name?.Family);
        Assert.Equal("122555007", order.Specimen?.Type?.Code);

        var obx = Assert.Single(order.Observations);
        Assert.Equal(new LabQuantityValue(50m), obx.Value);
        Assert.Equal("ug/dL", obx.Units?.Code);
        Assert.Equal("^^10.000000", obx.ReferenceRange?.Text);
        Assert.Equal([new AbnormalFlag("H")], obx.Flags);
        Assert.Equal("F", obx.StatusCode);
        Assert.Equal("Baseline West MC", obx.PerformingOrganization?.Name);
        Assert.Equal("Kansas City", obx.PerformingOrganization?.Address?.City);
    }

    [Fact]
    public void Realm_campylobacter_culture_with_coded_result()
    {
        var report = ReadSample("realm-cj.hl7");

        Assert.Equal("1234567890", report.MessageControlId);
        Assert.Equal(new LabDesignator("Lab1", "1234", "CLIA"), report.SendingApplication);
        Assert.Equal("Joe's Lab", report.SendingFacility?.NamespaceId);
        Assert.Equal(TimePrecision.Fraction, report.MessageTime?.Precision);
        Assert.Equal(new DateTimeOffset(2008, 8, 18, 18, 30, 2, 100, TimeSpan.FromHours(-7)), report.MessageTime?.Value);

        var patient = Assert.Single(report.Patients);
        Assert.Equal(2, patient.Identifiers.Count);
        Assert.Equal("36363636", patient.Identifiers[0].Value);
        Assert.Equal("MR", patient.Identifiers[0].TypeCode);
        Assert.Equal(new LabDesignator("MPI", "2.16.840.1.113883.19.3.2.1", "ISO"), patient.Identifiers[0].AssigningAuthority);
        Assert.Equal(new LabDesignator("A", "2.16.840.1.113883.19.3.2.1", "ISO"), patient.Identifiers[0].AssigningFacility);
        Assert.Equal("444333333", patient.Identifiers[1].Value);

        // The sample writes "^&2.16.840.1.113883.4.1^ISO^SS": ISO sits in CX.5 (type) and SS in CX.6, one component late.
        // Read as sent, by position; identifier types are not guessed.
        Assert.Equal("ISO", patient.Identifiers[1].TypeCode);
        Assert.Equal(new LabDesignator(null, "2.16.840.1.113883.4.1", null), patient.Identifiers[1].AssigningAuthority);
        Assert.Equal("SS", patient.Identifiers[1].AssigningFacility?.NamespaceId);
        Assert.Empty(report.Warnings);
        Assert.Equal(new LabPersonName("Everyman", "Adam", "A"), patient.Name);
        Assert.Equal(new DateOnly(1980, 6, 2), patient.BirthDate?.Date);

        var order = Assert.Single(report.Orders);
        Assert.Equal("23456", order.PlacerOrderNumber?.Value);
        Assert.Equal("EHR", order.PlacerOrderNumber?.AssigningAuthority?.NamespaceId);
        Assert.Equal("9700123", order.FillerOrderNumber?.Value);
        Assert.Equal("625-4", order.Test.Code);
        Assert.Equal(" CULTURE, STOOL", order.Test.AlternateText);
        Assert.Equal("Admit", order.OrderingProvider?.Name?.Family);
        Assert.Equal("Dr", order.OrderingProvider?.Name?.Prefix);
        Assert.Equal("9700122", order.Specimen?.Id?.Value);
        Assert.Equal("Lab", order.Specimen?.Id?.AssigningAuthority?.NamespaceId);
        Assert.Equal("119339001", order.Specimen?.Type?.Code);
        Assert.Equal("Stool specimen", order.Specimen?.Type?.Text);
        Assert.Equal(new DateTimeOffset(2008, 8, 15, 11, 0, 0, TimeSpan.FromHours(-6)), order.Specimen?.CollectedAt?.Value);

        var obx = Assert.Single(order.Observations);
        Assert.Equal("CWE", obx.ValueType);
        Assert.Equal("625-4", obx.Code.Code);
        Assert.Equal("Bacteria identified:Prid:Pt:Stool:Nom:Culture", obx.Code.Text);
        var coded = Assert.IsType<LabCodedValue>(obx.Value);
        Assert.Equal("66543000", coded.Code.Code);
        Assert.Equal("Campylobacter jejuni", coded.Code.Text);
        Assert.Equal("SCT", coded.Code.System);
        Assert.Null(obx.Units);
        Assert.Null(obx.ReferenceRange);
        Assert.Empty(obx.Flags);
        Assert.Equal(LabResultStatus.Preliminary, obx.Status);
        Assert.Equal("GHH Lab", obx.PerformingOrganization?.Name);
        Assert.Equal("9876543", obx.PerformingOrganization?.Director?.Id);
        Assert.Equal("Slide", obx.PerformingOrganization?.Director?.Name?.Family);
    }

    [Fact]
    public void Realm_hepatitis_c_with_structured_numeric_and_repeated_flags()
    {
        var report = ReadSample("realm-hepatitis-c-virus.hl7");

        var patient = Assert.Single(report.Patients);
        Assert.Equal("36363636", patient.Identifiers[0].Value);
        Assert.Equal("MPI", patient.Identifiers[0].AssigningAuthority?.NamespaceId);

        var order = Assert.Single(report.Orders);
        Assert.Equal("5198-7", order.Test.Loinc);
        Assert.Equal("HCV Ab Ser EIAaCnc", order.Test.Text);
        Assert.Equal(TimePrecision.Minute, order.CollectedAt?.Precision);
        Assert.Equal(new DateTimeOffset(2008, 8, 15, 11, 0, 0, TimeSpan.FromHours(-6)), order.CollectedAt?.Value);
        Assert.Equal("122555007", order.Specimen?.Type?.Code);
        Assert.Equal(new DateTimeOffset(2008, 8, 15, 11, 0, 0, TimeSpan.FromHours(-7)), order.Specimen?.ReceivedAt?.Value);
        Assert.Equal(3, order.Observations.Count);

        // This sample's first OBX has two extra empty fields after OBX-4 (value in OBX-7, status in OBX-13);
        // the reader reads it shifted and says so.
        var warning = Assert.Single(report.Warnings);
        Assert.Contains("OBX[1]", warning, StringComparison.Ordinal);
        Assert.Contains("shifted by 2", warning, StringComparison.Ordinal);

        var sn = order.Observations[0];
        Assert.Equal("SN", sn.ValueType);
        Assert.Equal("5198-7", sn.Code.Code);
        Assert.Equal(new LabQuantityValue(11.0m, ">"), sn.Value);
        Assert.Equal("1", sn.Units?.Code);
        Assert.Equal("UCUM", sn.Units?.System);
        Assert.Equal("s/co ratio", sn.Units?.OriginalText);
        Assert.Null(sn.ReferenceRange);
        Assert.Equal([new AbnormalFlag("H"), new AbnormalFlag("POS")], sn.Flags);
        Assert.Equal([AbnormalFlagKind.High, AbnormalFlagKind.Positive], sn.Flags.Select(f => f.Kind));
        Assert.Equal(LabResultStatus.Final, sn.Status);
        Assert.Equal(new DateTimeOffset(2008, 8, 18, 18, 0, 0, TimeSpan.FromHours(-7)), sn.AnalyzedAt?.Value);
        Assert.Equal(new DateTimeOffset(2008, 8, 15, 11, 0, 0, TimeSpan.FromHours(-6)), sn.ObservedAt?.Value);
        Assert.Equal("GHH Lab", sn.PerformingOrganization?.Name);
        Assert.Equal("Ann Arbor", sn.PerformingOrganization?.Address?.City);

        var age = order.Observations[1];
        Assert.Equal("NM", age.ValueType);
        Assert.Equal("35659-2", age.Code.Code);
        Assert.Equal(new LabQuantityValue(29m), age.Value);
        Assert.Equal(LabResultStatus.Final, age.Status);
        Assert.Equal("a", age.Units?.Code);
        Assert.Equal("year", age.Units?.Text);
        Assert.Empty(age.Flags);

        // The same lab performed all three: one shared (immutable) organization.
        Assert.Same(sn.PerformingOrganization, age.PerformingOrganization);
        Assert.Same(age.PerformingOrganization, order.Observations[2].PerformingOrganization);
        Assert.Equal("9876543", age.PerformingOrganization?.Director?.Id);

        var job = order.Observations[2];
        Assert.Equal("TX", job.ValueType);
        Assert.Equal("11294-6", job.Code.Code);
        Assert.Equal(new LabTextValue("food handler"), job.Value);
        Assert.Null(job.Units);
    }

    [Fact]
    public void Adt_example_is_refused_as_not_oru_r01()
    {
        var result = _reader.Read(LabTestData.Hl7Bytes("adt-example.hl7"));

        Assert.False(result.IsSuccess);
        Assert.Equal(LabRefusalReason.UnsupportedMessageType, result.Refusal.Reason);
        Assert.Equal("ADT^A01", result.Refusal.MessageType);
        Assert.Contains("ADT^A01", result.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal("599102", result.Refusal.MessageControlId);
    }

    private static Hl7Message Parse(string name)
    {
        Assert.True(Hl7Message.TryParse(LabTestData.Hl7Text(name), out var message, out var refusal), refusal?.ToString());
        return message!;
    }
}
