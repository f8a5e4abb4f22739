using Portal.Core.Record.Fhir;

namespace Portal.Tests.Fhir;

public class FhirDateRangeTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    [Theory]
    [InlineData("2026-02-10", "2026-02-10T00:00:00-06:00", "2026-02-11T00:00:00-06:00")]
    [InlineData("eq2026-02", "2026-02-01T00:00:00-06:00", "2026-03-01T00:00:00-06:00")]
    [InlineData("eq2026", "2026-01-01T00:00:00-06:00", "2027-01-01T00:00:00-06:00")]
    [InlineData("ge2026-02-10", "2026-02-10T00:00:00-06:00", null)]
    [InlineData("gt2026-02-10", "2026-02-11T00:00:00-06:00", null)]
    [InlineData("le2026-02-10", null, "2026-02-11T00:00:00-06:00")]
    [InlineData("lt2026-02-10", null, "2026-02-10T00:00:00-06:00")]
    [InlineData("eq2026-02-10T09:34", "2026-02-10T09:34:00-06:00", "2026-02-10T09:35:00-06:00")]
    [InlineData("eq2026-02-10T09:34:10Z", "2026-02-10T09:34:10Z", "2026-02-10T09:34:11Z")]
    [InlineData("ge2026-07-04T10:00:00-04:00", "2026-07-04T14:00:00Z", null)]
    public void A_value_stands_for_the_range_of_its_precision_in_the_clinic_zone(string value, string? from, string? until)
    {
        var range = FhirDateRange.Any.Narrow(value, Chicago)!;

        Assert.Equal(from is null ? null : DateTimeOffset.Parse(from), range.From);
        Assert.Equal(until is null ? null : DateTimeOffset.Parse(until), range.Until);
    }

    [Fact]
    public void Summer_dates_use_the_clinic_zones_daylight_offset()
    {
        var range = FhirDateRange.Any.Narrow("2026-07-04", Chicago)!;

        Assert.Equal(new DateTimeOffset(2026, 7, 4, 0, 0, 0, TimeSpan.FromHours(-5)), range.From);
    }

    [Fact]
    public void Values_narrow_each_other_and_may_leave_nothing()
    {
        var range = FhirDateRange.Any.Narrow("ge2026-01", Chicago)!.Narrow("lt2026-02", Chicago)!.Narrow("ge2025", Chicago)!;

        Assert.Equal((new DateTimeOffset(2026, 1, 1, 0, 0, 0, Cst), new DateTimeOffset(2026, 2, 1, 0, 0, 0, Cst)), (range.From!.Value, range.Until!.Value));
        Assert.True(range.Contains(new DateTimeOffset(2026, 1, 31, 23, 59, 0, Cst)));
        Assert.False(range.Contains(new DateTimeOffset(2026, 2, 1, 0, 0, 0, Cst)));
        Assert.True(range.Narrow("gt2026-03-01", Chicago)!.IsEmpty);
    }

    [Theory]
    [InlineData("sa2026")]
    [InlineData("ne2026")]
    [InlineData("2026-02-10T09")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Other_prefixes_and_texts_are_not_read(string value) =>
        Assert.Null(FhirDateRange.Any.Narrow(value, Chicago));
}
