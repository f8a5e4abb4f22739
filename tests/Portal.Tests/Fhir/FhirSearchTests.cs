using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Tests.Fhir;

public class FhirSearchTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static Result<FhirSearch> Parse(string type, params (string Name, string Value)[] query) =>
        FhirSearch.Parse(FhirCatalog.Find(type)!, query.Select(q => KeyValuePair.Create(q.Name, q.Value)), Chicago);

    [Fact]
    public void A_search_reads_the_patient_filters_and_page()
    {
        var search = Parse("Observation", ("patient", "Patient/p-1"), ("category", "vital-signs,http://x|y"), ("code", "http://loinc.org|8867-4"),
            ("date", "ge2026-02"), ("date", "lt2026-03-01"), ("_count", "500"), ("ct", "vitals.abc")).Value!;

        Assert.Equal(("p-1", FhirCatalog.MaxCount, "vitals.abc"), (search.PatientId, search.Count, search.ContinuationToken));
        Assert.Equal([new FhirToken(null, "vital-signs"), new FhirToken("http://x", "y")], search.Categories);
        Assert.Equal([new FhirToken("http://loinc.org", "8867-4")], search.Codes);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(-6)), search.Dates.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-6)), search.Dates.Until);
        Assert.Equal(
            "patient=p-1&category=vital-signs%2Chttp%3A%2F%2Fx%7Cy&code=http%3A%2F%2Floinc.org%7C8867-4&date=ge2026-02&date=lt2026-03-01&_count=100&ct=next",
            search.ToQuery("next"));
    }

    [Theory]
    [InlineData("Observation", "foo", "1", "foo")]
    [InlineData("Observation", "code:text", "x", "code:text")]
    [InlineData("AllergyIntolerance", "category", "food", "category")]
    [InlineData("Observation", "_count", "0", "_count")]
    [InlineData("Observation", "_count", "-3", "_count")]
    [InlineData("Observation", "date", "ap2024", "date")]
    [InlineData("Observation", "date", "2024-02-30", "date")]
    [InlineData("Observation", "code", "a|b|c", "code")]
    [InlineData("Observation", "category", ",", "category")]
    public void Parameters_the_server_does_not_read_are_refused_by_name(string type, string name, string value, string field)
    {
        var result = Parse(type, ("patient", "p-1"), (name, value));

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal([field], result.Failure.Errors!.Keys);
    }

    [Fact]
    public void The_patient_is_required_once_and_must_be_an_id()
    {
        Assert.Equal(["patient"], Parse("Condition").Failure!.Errors!.Keys);
        Assert.Equal(["patient"], Parse("Condition", ("patient", "a"), ("patient", "b")).Failure!.Errors!.Keys);
        Assert.Equal(["patient"], Parse("Condition", ("patient", "Group/1/x")).Failure!.Errors!.Keys);
        Assert.Equal(["patient"], Parse("Patient", ("patient", "p-1")).Failure!.Errors!.Keys);
        Assert.Equal(["_id"], Parse("Patient").Failure!.Errors!.Keys);
        Assert.Equal("p-1", Parse("Patient", ("_id", "p-1")).Value!.PatientId);
    }
}
