using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

/// <summary>Each ORU^R01 construct, on small hand-written messages.</summary>
public class OruR01ReaderTests
{
    private const string Msh = "MSH|^~\\&|LIS^1.2.3^ISO|LAB|PORTAL|CLINIC|20240115083000||ORU^R01^ORU_R01|MSG001|P|2.5.1";
    private const string Pid = "PID|1||MRN1^^^HOSP^MR||Doe^Jane^Q||19800102|F";
    private const string Obr = "OBR|1|PL1|FL1|2345-7^Glucose^LN|||20240115070000|||||||||1111^House^Greg||||||20240115080000|||F";

    private static readonly OruR01Reader Reader = new();

    private static LabReport Read(params string[] segments)
    {
        var result = Reader.Read(string.Join("\r", segments));
        Assert.True(result.IsSuccess, result.ToString());
        return result.Report;
    }

    private static LabObservation ReadObx(string obx) => Assert.Single(Assert.Single(Read(Msh, Pid, Obr, obx).Orders).Observations);

    [Fact]
    public void Message_header()
    {
        var report = Read(Msh, Pid, Obr);
        Assert.Equal(new LabDesignator("LIS", "1.2.3", "ISO"), report.SendingApplication);
        Assert.Equal("LAB", report.SendingFacility?.NamespaceId);
        Assert.Equal("PORTAL", report.ReceivingApplication?.NamespaceId);
        Assert.Equal("CLINIC", report.ReceivingFacility?.NamespaceId);
        Assert.Equal("MSG001", report.MessageControlId);
        Assert.Equal("2.5.1", report.Version);
        Assert.Equal("ORU^R01", report.MessageType);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 30, 0, TimeSpan.Zero), report.MessageTime?.Value);
    }

    [Fact]
    public void Numeric_value_with_units_range_and_flag()
    {
        var obx = ReadObx("OBX|1|NM|2345-7^Glucose^LN||182|mg/dL^mg/dL^UCUM|70-99|H|||F|||20240115070000");
        Assert.Equal(new LabQuantityValue(182m), obx.Value);
        Assert.Equal("mg/dL", obx.Units?.Code);
        Assert.Equal(70m, obx.ReferenceRange?.Low);
        Assert.Equal(99m, obx.ReferenceRange?.High);
        Assert.Equal("70-99", obx.ReferenceRange?.Text);
        Assert.Equal(AbnormalFlagKind.High, Assert.Single(obx.Flags).Kind);
        Assert.Equal(LabResultStatus.Final, obx.Status);
    }

    [Theory]
    [InlineData(">^11.0", ">", 11.0)]
    [InlineData("<^0.5", "<", 0.5)]
    [InlineData(">=^60", ">=", 60)]
    [InlineData("<=^5", "<=", 5)]
    [InlineData("^100", null, 100)]
    [InlineData("=^7", "=", 7)]
    public void Structured_numeric_with_comparator(string sn, string? comparator, double number)
    {
        var obx = ReadObx($"OBX|1|SN|X^X^L||{sn}||||||F");
        Assert.Equal(new LabQuantityValue((decimal)number, comparator), obx.Value);
    }

    [Fact]
    public void Structured_numeric_ratio()
    {
        Assert.Equal(new LabRatioValue(1m, 128m), ReadObx("OBX|1|SN|X^X^L||^1^:^128||||||F").Value);
        Assert.Equal(new LabRatioValue(1m, 4m, null, "/"), ReadObx("OBX|1|SN|X^X^L||^1^/^4||||||F").Value);
        Assert.Equal(new LabRatioValue(1m, 64m, ">"), ReadObx("OBX|1|SN|X^X^L||>^1^:^64||||||F").Value);
    }

    [Fact]
    public void Structured_numeric_range()
    {
        Assert.Equal(new LabRangeValue(10m, 20m), ReadObx("OBX|1|SN|X^X^L||^10^-^20||||||F").Value);
    }

    [Theory]
    [InlineData("^2^+")]
    [InlineData("~^abc")]
    [InlineData("^1^:^x")]
    public void Structured_numeric_that_is_not_numeric_is_kept_as_text(string sn)
    {
        var obx = ReadObx($"OBX|1|SN|X^X^L||{sn}||||||F");
        Assert.IsType<LabTextValue>(obx.Value);
    }

    [Theory]
    [InlineData("<5", "<", 5)]
    [InlineData(">=1.5", ">=", 1.5)]
    [InlineData(" 7.25 ", null, 7.25)]
    [InlineData("-3", null, -3)]
    public void Numeric_with_a_comparator_is_tolerated(string nm, string? comparator, double number) =>
        Assert.Equal(new LabQuantityValue((decimal)number, comparator), ReadObx($"OBX|1|NM|X^X^L||{nm}||||||F").Value);

    [Fact]
    public void Numeric_that_is_not_a_number_is_kept_as_text() =>
        Assert.Equal(new LabTextValue("see note"), ReadObx("OBX|1|NM|X^X^L||see note||||||F").Value);

    [Theory]
    [InlineData("CE")]
    [InlineData("CWE")]
    public void Coded_values_with_repetitions(string type)
    {
        var obx = ReadObx($"OBX|1|{type}|600-7^Bacteria identified^LN||3092008^Staphylococcus aureus^SCT^SA^Staph aureus^L~112283007^E. coli^SCT||||||F");
        Assert.Equal(2, obx.Values.Count);
        var first = Assert.IsType<LabCodedValue>(obx.Values[0]).Code;
        Assert.Equal("3092008", first.Code);
        Assert.Equal("Staphylococcus aureus", first.Text);
        Assert.Equal("SCT", first.System);
        Assert.Equal("SA", first.AlternateCode);
        Assert.Equal("Staph aureus", first.AlternateText);
        Assert.Equal("L", first.AlternateSystem);
        Assert.Equal("E. coli", Assert.IsType<LabCodedValue>(obx.Values[1]).Code.Text);
        Assert.Equal("600-7", obx.Code.Loinc);
    }

    [Theory]
    [InlineData("ST")]
    [InlineData("TX")]
    [InlineData("FT")]
    public void Text_values_join_repetitions_and_decode_escapes(string type)
    {
        var obx = ReadObx($"OBX|1|{type}|X^X^L||Line one \\T\\ more~Line two\\.br\\three||||||F");
        Assert.Equal(new LabTextValue("Line one & more\nLine two\nthree"), Assert.Single(obx.Values));
    }

    [Theory]
    [InlineData("DT", "20240110", TimePrecision.Day)]
    [InlineData("TS", "202401101200-0500", TimePrecision.Minute)]
    [InlineData("DTM", "20240110120000", TimePrecision.Second)]
    public void Date_values(string type, string value, TimePrecision precision)
    {
        var obx = ReadObx($"OBX|1|{type}|X^X^L||{value}||||||F");
        var date = Assert.IsType<LabDateTimeValue>(obx.Value);
        Assert.Equal(precision, date.Time.Precision);
        Assert.Equal(new DateOnly(2024, 1, 10), date.Time.Date);
    }

    [Fact]
    public void Unknown_value_types_and_bad_dates_are_kept_as_text()
    {
        Assert.Equal(new LabTextValue("20241399"), ReadObx("OBX|1|DT|X^X^L||20241399||||||F").Value);
        Assert.Equal(new LabTextValue("a^b"), ReadObx("OBX|1|ED|X^X^L||a^b||||||F").Value);
    }

    [Fact]
    public void Repeated_abnormal_flags()
    {
        var obx = ReadObx("OBX|1|NM|X^X^L||1|||LL~AA~A~N~HH~L~XYZ|||F");
        Assert.Equal(["LL", "AA", "A", "N", "HH", "L", "XYZ"], obx.Flags.Select(f => f.Code));
        Assert.Equal(
            [AbnormalFlagKind.CriticallyLow, AbnormalFlagKind.CriticallyAbnormal, AbnormalFlagKind.Abnormal, AbnormalFlagKind.Normal,
             AbnormalFlagKind.CriticallyHigh, AbnormalFlagKind.Low, AbnormalFlagKind.Other],
            obx.Flags.Select(f => f.Kind));
        Assert.True(obx.Flags[0].IsAbnormal);
        Assert.False(obx.Flags[3].IsAbnormal);
    }

    [Theory]
    [InlineData("3.5-5.0", 3.5, 5.0, true, true)]
    [InlineData("3.5 - 5.0", 3.5, 5.0, true, true)]
    [InlineData("-1-1", -1.0, 1.0, true, true)]
    [InlineData("<9", null, 9.0, true, false)]
    [InlineData("<=9", null, 9.0, true, true)]
    [InlineData(">60", 60.0, null, false, true)]
    [InlineData(">= 60", 60.0, null, true, true)]
    public void Numeric_reference_ranges(string text, double? low, double? high, bool lowInclusive, bool highInclusive)
    {
        var range = ReadObx($"OBX|1|NM|X^X^L||1||{text}||||F").ReferenceRange!;
        Assert.Equal(text, range.Text);
        Assert.Equal((decimal?)low, range.Low);
        Assert.Equal((decimal?)high, range.High);
        Assert.Equal(lowInclusive, range.LowInclusive);
        Assert.Equal(highInclusive, range.HighInclusive);
    }

    [Theory]
    [InlineData("negative")]
    [InlineData("<9 mcg/dL")]
    [InlineData("3.5-5.0 mmol/L")]
    [InlineData("1-2-3")]
    public void Textual_reference_ranges_stay_text(string text)
    {
        var range = ReadObx($"OBX|1|NM|X^X^L||1||{text}||||F").ReferenceRange!;
        Assert.Equal(text, range.Text);
        Assert.False(range.IsNumeric);
    }

    [Theory]
    [InlineData("F", LabResultStatus.Final)]
    [InlineData("P", LabResultStatus.Preliminary)]
    [InlineData("C", LabResultStatus.Corrected)]
    [InlineData("X", LabResultStatus.Cancelled)]
    [InlineData("W", LabResultStatus.EnteredInError)]
    [InlineData("Q", LabResultStatus.Unknown)]
    public void Observation_and_order_status(string code, LabResultStatus status)
    {
        var obr = Obr[..^1] + code;
        var order = Assert.Single(Read(Msh, Pid, obr, $"OBX|1|NM|X^X^L||1||||||{code}").Orders);
        Assert.Equal(status, order.Status);
        Assert.Equal(code, order.StatusCode);
        Assert.Equal(status, order.Observations[0].Status);
        Assert.Equal(code, order.Observations[0].StatusCode);
    }

    [Fact]
    public void Observation_sub_id_time_and_performer()
    {
        var obx = ReadObx("OBX|3|NM|X^X^L|2a|1||||||F|||20240115070000-0500|||||20240115075959||||Big Lab^L^^^^CLIA&2.16.840.1.113883.4.7&ISO^XX^^^05D0000000|1 Main St^Suite 2^Town^TX^75001^USA|555^Boss^Bea^^^Dr");
        Assert.Equal("3", obx.SetId);
        Assert.Equal("2a", obx.SubId);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 7, 0, 0, TimeSpan.FromHours(-5)), obx.ObservedAt?.Value);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 7, 59, 59, TimeSpan.Zero), obx.AnalyzedAt?.Value);
        var lab = obx.PerformingOrganization!;
        Assert.Equal("Big Lab", lab.Name);
        Assert.Equal("05D0000000", lab.Identifier);
        Assert.Equal(new LabDesignator("CLIA", "2.16.840.1.113883.4.7", "ISO"), lab.AssigningAuthority);
        Assert.Equal(new LabAddress("1 Main St", "Suite 2", "Town", "TX", "75001", "USA"), lab.Address);
        Assert.Equal("555", lab.Director?.Id);
        Assert.Equal(new LabPersonName("Boss", "Bea", null, null, "Dr"), lab.Director?.Name);
    }

    [Fact]
    public void Order_fields_notes_and_specimen()
    {
        var report = Read(Msh, Pid, Obr, "NTE|1|L|Fasting~12 hours", "NTE|2|L|Second note",
            "OBX|1|NM|2345-7^Glucose^LN||95|mg/dL|70-99|N|||F", "NTE|1|L|Checked twice",
            "SPM|1|S1&PLACER^S2&FILLER||119297000^Blood^SCT|||||||||||||20240115065500|20240115071000");
        var order = Assert.Single(report.Orders);
        Assert.Equal("PL1", order.PlacerOrderNumber?.Value);
        Assert.Equal("FL1", order.FillerOrderNumber?.Value);
        Assert.Equal("2345-7", order.Test.Loinc);
        Assert.Equal("Glucose", order.Test.Text);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 7, 0, 0, TimeSpan.Zero), order.CollectedAt?.Value);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 0, 0, TimeSpan.Zero), order.ReportedAt?.Value);
        Assert.Equal("1111", order.OrderingProvider?.Id);
        Assert.Equal("House", order.OrderingProvider?.Name?.Family);
        Assert.Equal(["Fasting\n12 hours", "Second note"], order.Notes);
        Assert.Equal(["Checked twice"], order.Observations[0].Notes);
        Assert.Equal("S2", order.Specimen?.Id?.Value);
        Assert.Equal("FILLER", order.Specimen?.Id?.AssigningAuthority?.NamespaceId);
        Assert.Equal("119297000", order.Specimen?.Type?.Code);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 6, 55, 0, TimeSpan.Zero), order.Specimen?.CollectedAt?.Value);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 7, 10, 0, TimeSpan.Zero), order.Specimen?.ReceivedAt?.Value);
    }

    [Fact]
    public void Order_numbers_and_provider_from_orc_when_obr_has_none()
    {
        var report = Read(Msh, Pid, "ORC|RE|ORCPL^EHR|ORCFL^LAB|||||||||2222^Wilson^James", "OBR|1|||2345-7^Glucose^LN|||20240115", "OBX|1|NM|X^X^L||1||||||F");
        var order = Assert.Single(report.Orders);
        Assert.Equal("ORCPL", order.PlacerOrderNumber?.Value);
        Assert.Equal("EHR", order.PlacerOrderNumber?.AssigningAuthority?.NamespaceId);
        Assert.Equal("ORCFL", order.FillerOrderNumber?.Value);
        Assert.Equal("Wilson", order.OrderingProvider?.Name?.Family);
        Assert.Equal(TimePrecision.Day, order.CollectedAt?.Precision);
    }

    [Fact]
    public void Several_patients_orders_and_observations_are_all_read()
    {
        var report = Read(
            Msh,
            "PID|1||P1^^^H^MR||One^Ann",
            "OBR|1||F1|A^Test A^LN",
            "OBX|1|NM|A1^A1^LN||1||||||F",
            "OBX|2|NM|A2^A2^LN||2||||||F",
            "OBR|2||F2|B^Test B^LN",
            "OBX|1|ST|B1^B1^LN||b||||||F",
            "PID|2||P2^^^H^MR||Two^Bob",
            "PV1|1|O",
            "ORC|RE||F3",
            "OBR|1|||C^Test C^L",
            "OBX|1|NM|C1^C1^L||3||||||P");
        Assert.Equal(["P1", "P2"], report.Patients.Select(p => p.Identifiers[0].Value));
        Assert.Equal(["A", "B", "C"], report.Orders.Select(o => o.Test.Code));
        Assert.Equal(["P1", "P1", "P2"], report.Orders.Select(o => o.Patient!.Identifiers[0].Value));
        Assert.Equal([2, 1, 1], report.Orders.Select(o => o.Observations.Count));
        Assert.Equal("F3", report.Orders[2].FillerOrderNumber?.Value);
        Assert.Null(report.Orders[2].Test.Loinc);
        Assert.Equal("L", report.Orders[2].Test.System);
        Assert.Equal(new LabQuantityValue(3m), report.Orders[2].Observations[0].Value);
    }

    [Fact]
    public void Patient_fields()
    {
        var patient = Assert.Single(Read(Msh, "PID|1||A1^^^HOSP&1.2.3&ISO^MR~999-99-9999^^^SSA^SS||O\\T\\Brien^Mary^Kate^Jr^Ms||1975|U", Obr).Patients);
        Assert.Equal(["MR", "SS"], patient.Identifiers.Select(i => i.TypeCode));
        Assert.Equal(new LabDesignator("HOSP", "1.2.3", "ISO"), patient.Identifiers[0].AssigningAuthority);
        Assert.Equal(new LabPersonName("O&Brien", "Mary", "Kate", "Jr", "Ms"), patient.Name);
        Assert.Equal(TimePrecision.Year, patient.BirthDate?.Precision);
        Assert.Equal("U", patient.Sex);
    }

    [Fact]
    public void Sender_time_zone_is_configurable()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var result = new OruR01Reader(new LabReaderOptions { SenderTimeZone = zone }).Read(string.Join("\r", Msh, Pid, Obr));
        Assert.True(result.IsSuccess);
        Assert.Equal(TimeSpan.FromHours(1), result.Report.Orders[0].CollectedAt?.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 6, 0, 0, TimeSpan.Zero), result.Report.Orders[0].CollectedAt?.Value.ToUniversalTime());
    }

    [Fact]
    public void Explicit_null_is_no_value()
    {
        var obx = ReadObx("OBX|1|NM|X^X^L||\"\"|\"\"|\"\"|\"\"|||X");
        Assert.Empty(obx.Values);
        Assert.Null(obx.Units);
        Assert.Null(obx.ReferenceRange);
        Assert.Empty(obx.Flags);
        Assert.Equal(LabResultStatus.Cancelled, obx.Status);
    }

    [Fact]
    public void Custom_delimiters_end_to_end()
    {
        var result = Reader.Read("MSH#*!/$#LIS#LAB#####ORU*R01#X1#P#2.5.1\rPID#1##M1***H$1.2$ISO*MR\rOBR#1###G*Glu*LN\rOBX#1#SN#G*Glu*LN##>*5#mg/dL##H!A###F\rNTE#1##a/F/b");
        Assert.True(result.IsSuccess, result.ToString());
        var report = result.Report;
        Assert.Equal("H", report.Patients[0].Identifiers[0].AssigningAuthority?.NamespaceId);
        Assert.Equal("1.2", report.Patients[0].Identifiers[0].AssigningAuthority?.UniversalId);
        var obx = report.Orders[0].Observations[0];
        Assert.Equal(new LabQuantityValue(5m, ">"), obx.Value);
        Assert.Equal(["H", "A"], obx.Flags.Select(f => f.Code));
        Assert.Equal(["a#b"], obx.Notes);
    }
}
