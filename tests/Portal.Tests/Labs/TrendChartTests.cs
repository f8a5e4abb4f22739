using System.Xml.Linq;
using Portal.Core.Labs.Results;

namespace Portal.Tests.Labs;

public class TrendChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Trend Trend(params (int Month, decimal Value, ResultFlag[] Flags)[] points) => new(
        "4548-4", "Hemoglobin A1c", "%",
        [.. points.Select(p => new TrendPoint($"r{p.Month}", new DateTimeOffset(2025, p.Month, 1, 9, 0, 0, TimeSpan.Zero), p.Value, null, $"{p.Value}", "%", 4.0m, 5.6m, p.Flags))],
        null, "en");

    [Fact]
    public void The_chart_has_a_title_a_description_of_every_value_labelled_axes_a_shaded_band_and_flagged_points()
    {
        var svg = XDocument.Parse(TrendChart.Render(Trend((1, 7.4m, [ResultFlag.High]), (6, 5.4m, []), (12, 6.1m, [ResultFlag.High])), "en", TimeZoneInfo.Utc)).Root!;

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("Hemoglobin A1c: results over time", svg.Element(Svg + "title")!.Value);
        var desc = svg.Element(Svg + "desc")!.Value;
        Assert.Contains("1 Jan 2025: 7.4 % (high)", desc, StringComparison.Ordinal);
        Assert.Contains("1 Jun 2025: 5.4 %", desc, StringComparison.Ordinal);
        Assert.Contains("Reference range 4 to 5.6.", desc, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Date of the sample");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "%");
        Assert.Contains(svg.Descendants(Svg + "rect"), r => r.Element(Svg + "title")?.Value == "Reference range");
        Assert.Equal(2, svg.Descendants(Svg + "path").Count(p => p.Attribute("data-flag")?.Value == "high"));
        Assert.Single(svg.Descendants(Svg + "circle"));
    }

    [Fact]
    public void Spanish_labels_and_an_empty_trend_still_describe_themselves()
    {
        var svg = XDocument.Parse(TrendChart.Render(Trend(), "es", TimeZoneInfo.Utc)).Root!;

        Assert.Equal("Todavía no hay valores.", svg.Element(Svg + "desc")!.Value);
        Assert.EndsWith("resultados a lo largo del tiempo", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }
}
