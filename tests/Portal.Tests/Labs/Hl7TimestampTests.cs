using Portal.Core.Labs;
using Portal.Core.Labs.Hl7;

namespace Portal.Tests.Labs;

public class Hl7TimestampTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Theory]
    [InlineData("2024", TimePrecision.Year, "2024-01-01T00:00:00-06:00")]
    [InlineData("202407", TimePrecision.Month, "2024-07-01T00:00:00-05:00")]
    [InlineData("20240715", TimePrecision.Day, "2024-07-15T00:00:00-05:00")]
    [InlineData("2024071513", TimePrecision.Hour, "2024-07-15T13:00:00-05:00")]
    [InlineData("202407151330", TimePrecision.Minute, "2024-07-15T13:30:00-05:00")]
    [InlineData("20240115133045", TimePrecision.Second, "2024-01-15T13:30:45-06:00")]
    [InlineData("20240115133045.1234", TimePrecision.Fraction, "2024-01-15T13:30:45.1234-06:00")]
    [InlineData("20240115133045.5", TimePrecision.Fraction, "2024-01-15T13:30:45.5-06:00")]
    public void Without_offset_the_sender_zone_applies_and_precision_is_kept(string text, TimePrecision precision, string expected)
    {
        Assert.True(Hl7Timestamp.TryParse(text, Chicago, out var t));
        Assert.Equal(precision, t.Precision);
        Assert.False(t.HasOffset);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), t.Value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, t.Value.Offset);
    }

    [Theory]
    [InlineData("200808151030-0700", TimePrecision.Minute, "2008-08-15T10:30:00-07:00")]
    [InlineData("20080818183002.1-0700", TimePrecision.Fraction, "2008-08-18T18:30:02.1-07:00")]
    [InlineData("20240115133045+0530", TimePrecision.Second, "2024-01-15T13:30:45+05:30")]
    [InlineData("20240115+0000", TimePrecision.Day, "2024-01-15T00:00:00+00:00")]
    [InlineData("2024011513-05", TimePrecision.Hour, "2024-01-15T13:00:00-05:00")]
    public void With_offset_the_offset_is_used(string text, TimePrecision precision, string expected)
    {
        Assert.True(Hl7Timestamp.TryParse(text, Chicago, out var t));
        Assert.Equal(precision, t.Precision);
        Assert.True(t.HasOffset);
        var e = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(e, t.Value);
        Assert.Equal(e.Offset, t.Value.Offset);
    }

    [Fact]
    public void A_date_only_time_is_not_midnight_utc()
    {
        Assert.True(Hl7Timestamp.TryParse("20240715", Chicago, out var t));
        Assert.Equal(new DateOnly(2024, 7, 15), t.Date);
        Assert.Equal("2024-07-15", t.ToString());
        Assert.NotEqual(new DateTimeOffset(2024, 7, 15, 0, 0, 0, TimeSpan.Zero), t.Value);
    }

    [Fact]
    public void Ts_precision_component_is_ignored()
    {
        Assert.True(Hl7Timestamp.TryParse("200808151030^M", TimeZoneInfo.Utc, out var t));
        Assert.Equal(TimePrecision.Minute, t.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("20241")]
    [InlineData("20241301")]
    [InlineData("20240230")]
    [InlineData("2024010125")]
    [InlineData("202401011260")]
    [InlineData("20240101120060")]
    [InlineData("20240101.5")]
    [InlineData("20240101120000.")]
    [InlineData("20240101120000.12345678")]
    [InlineData("20240101-07")]
    [InlineData("20240101-0")]
    [InlineData("20240101+1500")]
    [InlineData("20240101+1430")]
    [InlineData("20240101Z")]
    [InlineData("0000")]
    [InlineData("99991231235959-1400")]
    [InlineData("abcd")]
    public void Invalid_values_are_rejected_without_exception(string text)
    {
        var ok = Hl7Timestamp.TryParse(text, Chicago, out _);
        if (text == "20240101-07")
        {
            Assert.True(ok);
        }
        else
        {
            Assert.False(ok);
        }
    }

    [Fact]
    public void Iso_text_keeps_the_precision()
    {
        Assert.True(Hl7Timestamp.TryParse("200808151030-0700", Chicago, out var t));
        Assert.Equal("2008-08-15T10:30-07:00", t.ToString());
        Assert.True(Hl7Timestamp.TryParse("2008", Chicago, out var y));
        Assert.Equal("2008", y.ToString());
    }
}
