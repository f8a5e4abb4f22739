using System.Globalization;
using System.Net;
using System.Text;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Draws a trend as a small accessible SVG: a <c>title</c> and a <c>desc</c> listing every value for screen readers,
/// labelled axes, the reference range as a shaded band, and out-of-range points drawn larger, in another shape and
/// colour, with their value written beside them (never colour alone). Values the patient measured at home are hollow
/// squares, named so in their labels and the description.
/// </summary>
public static class TrendChart
{
    private const int Width = 640;
    private const int Height = 320;
    private const int Left = 64;
    private const int Right = 24;
    private const int Top = 40;
    private const int Bottom = 56;

    /// <summary>The SVG document.</summary>
    /// <param name="trend">The trend.</param>
    /// <param name="language"><c>es</c> for Spanish labels, else English.</param>
    /// <param name="timeZone">The zone dates are shown in.</param>
    public static string Render(Trend trend, string? language, TimeZoneInfo timeZone)
    {
        var spanish = Explanations.LabExplanations.LanguageOf(language) == "es";
        var culture = CultureInfo.GetCultureInfo(spanish ? "es-US" : "en-US");
        var points = trend.Points.Where(p => p.Value is not null).ToList();
        var unit = trend.Unit ?? "";
        var title = spanish ? $"{trend.Name}: resultados a lo largo del tiempo" : $"{trend.Name}: results over time";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"trend-title trend-desc\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append("<title id=\"trend-title\">").Append(Escape(title)).Append("</title>");
        svg.Append("<desc id=\"trend-desc\">").Append(Escape(Describe(trend, points, spanish, culture, timeZone))).Append("</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#1a1a1a\">{Escape(title)}</text>");

        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        if (points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Top + (plotHeight / 2)}\" fill=\"#1a1a1a\">{Escape(spanish ? "Todavía no hay valores para mostrar." : "No values to show yet.")}</text></svg>");
            return svg.ToString();
        }

        // The reference band is the clinic's: the latest clinic value's range (home values carry none).
        var latest = points.LastOrDefault(p => !p.MeasuredAtHome) ?? points[^1];
        var values = points.Select(p => p.Value!.Value).Concat(new[] { latest.RangeLow, latest.RangeHigh }.OfType<decimal>()).ToList();
        var (min, max) = Axis(values.Min(), values.Max());
        var first = points[0].At;
        var span = Math.Max((points[^1].At - first).TotalSeconds, 1);
        double X(DateTimeOffset at) => points.Count == 1 ? Left + (plotWidth / 2.0) : Left + ((at - first).TotalSeconds / span * plotWidth);
        double Y(decimal v) => Top + plotHeight - ((double)((v - min) / (max - min)) * plotHeight);

        // The reference band (the latest range), shaded and labelled.
        if (latest.RangeLow is not null || latest.RangeHigh is not null)
        {
            var bandTop = Y(Math.Min(latest.RangeHigh ?? max, max));
            var bandBottom = Y(Math.Max(latest.RangeLow ?? min, min));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{F(bandTop)}\" width=\"{plotWidth}\" height=\"{F(Math.Max(bandBottom - bandTop, 1))}\" fill=\"#d9efe0\"><title>{Escape(spanish ? "Rango de referencia" : "Reference range")}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth - 4}\" y=\"{F(bandTop + 14)}\" text-anchor=\"end\" fill=\"#1d5e33\">{Escape(spanish ? "Rango de referencia" : "Reference range")}</text>");
        }

        // Axes with labels.
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"#1a1a1a\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"#1a1a1a\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var v = min + ((max - min) * i / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" fill=\"#1a1a1a\">{Escape(Number(v, culture))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {Top + (plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" fill=\"#1a1a1a\">{Escape(unit.Length > 0 ? unit : (spanish ? "Valor" : "Value"))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 12}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{Escape(spanish ? "Fecha de la muestra" : "Date of the sample")}</text>");
        foreach (var p in new[] { points[0], points[^1] }.Distinct())
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(p.At))}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{Escape(Date(p.At, culture, timeZone))}</text>");
        }

        // The line, then the points: in-range as circles, out-of-range as larger diamonds with their value.
        svg.Append("<polyline fill=\"none\" stroke=\"#3a5a8c\" stroke-width=\"2\" points=\"")
            .AppendJoin(' ', points.Select(p => $"{F(X(p.At))},{F(Y(p.Value!.Value))}"))
            .Append("\"/>");
        foreach (var p in points)
        {
            var (x, y) = (X(p.At), Y(p.Value!.Value));
            var label = $"{Date(p.At, culture, timeZone)}: {p.Comparator}{Number(p.Value!.Value, culture)} {unit}".TrimEnd();
            var flag = Flag(p, spanish);
            if (p.MeasuredAtHome)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"#3a5a8c\" stroke-width=\"2\" data-source=\"home\"><title>{Escape($"{label} ({Home(spanish)})")}</title></rect>");
            }
            else if (flag is null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"#3a5a8c\"><title>{Escape(label)}</title></circle>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M {F(x)} {F(y - 7)} L {F(x + 7)} {F(y)} L {F(x)} {F(y + 7)} L {F(x - 7)} {F(y)} Z\" fill=\"#b3261e\" data-flag=\"{Escape(flag)}\"><title>{Escape($"{label} ({flag})")}</title></path>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 9)}\" y=\"{F(y - 8)}\" fill=\"#b3261e\">{Escape($"{Number(p.Value!.Value, culture)} ({flag})")}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Describe(Trend trend, List<TrendPoint> points, bool spanish, CultureInfo culture, TimeZoneInfo zone)
    {
        if (points.Count == 0)
        {
            return spanish ? "Todavía no hay valores." : "No values yet.";
        }

        var latest = points.LastOrDefault(p => !p.MeasuredAtHome) ?? points[^1];
        var range = (latest.RangeLow, latest.RangeHigh) switch
        {
            ({ } low, { } high) => spanish ? $"Rango de referencia {Number(low, culture)} a {Number(high, culture)}." : $"Reference range {Number(low, culture)} to {Number(high, culture)}.",
            (null, { } high) => spanish ? $"Rango de referencia hasta {Number(high, culture)}." : $"Reference range up to {Number(high, culture)}.",
            ({ } low, null) => spanish ? $"Rango de referencia desde {Number(low, culture)}." : $"Reference range from {Number(low, culture)}.",
            _ => "",
        };
        var values = string.Join("; ", points.Select(p =>
            $"{Date(p.At, culture, zone)}: {p.Comparator}{Number(p.Value!.Value, culture)} {trend.Unit}".TrimEnd()
            + (Flag(p, spanish) is { } f ? $" ({f})" : "") + (p.MeasuredAtHome ? $" ({Home(spanish)})" : "")));
        return (spanish ? $"{points.Count} valores, del más antiguo al más reciente: " : $"{points.Count} values, oldest first: ") + values + ". " + range;
    }

    private static string Home(bool spanish) => spanish ? "medido en casa" : "measured at home";

    private static string? Flag(TrendPoint p, bool spanish)
    {
        var high = p.Flags.Contains(ResultFlag.High) || (p.RangeHigh is { } h && p.Value > h);
        var low = p.Flags.Contains(ResultFlag.Low) || (p.RangeLow is { } l && p.Value < l);
        return high ? (spanish ? "alto" : "high") : low ? (spanish ? "bajo" : "low") : p.Flags.Count > 0 ? (spanish ? "anormal" : "abnormal") : null;
    }

    private static (decimal Min, decimal Max) Axis(decimal min, decimal max)
    {
        var pad = max == min ? Math.Max(Math.Abs(max) * 0.1m, 1m) : (max - min) * 0.15m;
        var low = min - pad;
        return (min >= 0 && low < 0 ? 0 : low, max + pad);
    }

    private static string Date(DateTimeOffset at, CultureInfo culture, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy", culture);

    private static string Number(decimal value, CultureInfo culture) => Math.Round(value, 2).ToString("0.##", culture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
