using Portal.Core.Journal;

namespace Portal.Tests.Journal;

public class JournalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private static IReadOnlyDictionary<string, string[]> Errors(JournalEntryRequest request) =>
        JournalRules.Validate(request, Now).ToFailure()?.Errors ?? new Dictionary<string, string[]>();

    private static JournalEntryRequest Pressure(decimal systolic, decimal diastolic, decimal? pulse = null) =>
        new(JournalKind.Measurement, Now.AddHours(-1), Measurement: new MeasurementInput(MeasurementType.BloodPressure, systolic, diastolic, pulse));

    [Theory]
    [InlineData(50, 30, true)]
    [InlineData(260, 159, true)]
    [InlineData(49, 30, false)]
    [InlineData(261, 100, false)]
    [InlineData(120, 29, false)]
    [InlineData(120, 161, false)]
    [InlineData(90, 90, false)]
    public void Blood_pressure_is_accepted_only_inside_what_can_be_real_with_systolic_above_diastolic(decimal systolic, decimal diastolic, bool valid) =>
        Assert.Equal(valid, Errors(Pressure(systolic, diastolic)).Count == 0);

    [Theory]
    [InlineData(MeasurementType.Weight, 350, "kg", true)]
    [InlineData(MeasurementType.Weight, 351, "kg", false)]
    [InlineData(MeasurementType.Weight, 700, "[lb_av]", true)]
    [InlineData(MeasurementType.Glucose, 20, "mg/dL", true)]
    [InlineData(MeasurementType.Glucose, 19, "mg/dL", false)]
    [InlineData(MeasurementType.Glucose, 33.3, "mmol/L", true)]
    [InlineData(MeasurementType.Glucose, 33.4, "mmol/L", false)]
    [InlineData(MeasurementType.Temperature, 43, "Cel", true)]
    [InlineData(MeasurementType.Temperature, 43.1, "Cel", false)]
    [InlineData(MeasurementType.Temperature, 98.6, "[degF]", true)]
    [InlineData(MeasurementType.Temperature, 98.6, "Cel", false)]
    [InlineData(MeasurementType.PeakFlow, 900, "L/min", true)]
    [InlineData(MeasurementType.PeakFlow, 49, "L/min", false)]
    [InlineData(MeasurementType.PeakFlow, 400, "mL/s", false)]
    public void Single_measurements_need_an_accepted_unit_and_a_value_in_its_range(MeasurementType type, double value, string unit, bool valid)
    {
        var errors = Errors(new JournalEntryRequest(JournalKind.Measurement, Now, Measurement: new MeasurementInput(type, Value: (decimal)value, Unit: unit)));
        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.True(errors.ContainsKey("measurement.value") || errors.ContainsKey("measurement.unit"));
        }
    }

    [Fact]
    public void A_time_in_the_future_beyond_clock_skew_and_text_over_4000_characters_are_field_errors()
    {
        Assert.Empty(Errors(new JournalEntryRequest(JournalKind.Note, Now + JournalRules.ClockSkew, Text: new string('a', 4_000))));
        var errors = Errors(new JournalEntryRequest(JournalKind.Note, Now + JournalRules.ClockSkew + TimeSpan.FromSeconds(1), Text: new string('a', 4_001)));
        Assert.Equal(["at", "text"], errors.Keys.Order());
    }

    [Fact]
    public void The_detail_must_match_the_kind_and_severities_run_from_0_to_10()
    {
        var wrong = Errors(new JournalEntryRequest(JournalKind.Symptom, Now, WellBeing: new WellBeingDetail(5, null, null)));
        Assert.Equal(["symptom", "wellBeing"], wrong.Keys.Order());
        Assert.Empty(Errors(new JournalEntryRequest(JournalKind.Symptom, Now, Symptom: new SymptomDetail("Headache", 10, 30))));
        Assert.Equal(["symptom.severity"], Errors(new JournalEntryRequest(JournalKind.Symptom, Now, Symptom: new SymptomDetail("Headache", 11, 30))).Keys);
        Assert.Equal(["sideEffect.medication"], Errors(new JournalEntryRequest(JournalKind.SideEffect, Now, SideEffect: new SideEffectInput("Cough", " ", 3))).Keys);
        Assert.Equal(["text"], Errors(new JournalEntryRequest(JournalKind.Note, Now)).Keys);
        Assert.Equal(["wellBeing"], Errors(new JournalEntryRequest(JournalKind.WellBeing, Now, WellBeing: new WellBeingDetail(null, null, null))).Keys);
        Assert.Equal(["tags"], Errors(new JournalEntryRequest(JournalKind.Note, Now, Text: "x", Tags: ["ok", "not ok"])).Keys);
    }

    [Fact]
    public void Blood_pressure_is_stored_with_its_LOINC_components_and_home_values_trend_beside_the_clinic_codes()
    {
        var measured = JournalRules.Measurement(new MeasurementInput(MeasurementType.BloodPressure, 128, 82, 70));
        Assert.Equal([("8480-6", 128m, "mm[Hg]"), ("8462-4", 82m, "mm[Hg]"), ("8867-4", 70m, "/min")], measured.Values.Select(v => (v.Code, v.Value, v.Unit)));
        Assert.Equal("41653-7", HomeMeasurements.ForTrend("2345-7")!.Code);
        Assert.Equal("29463-7", HomeMeasurements.ForTrend("29463-7")!.Code);
        Assert.Null(HomeMeasurements.ForTrend("4548-4"));
    }
}
