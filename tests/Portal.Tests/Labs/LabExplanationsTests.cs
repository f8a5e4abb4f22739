using Portal.Core.Labs.Explanations;
using Portal.Core.Labs.Results;

namespace Portal.Tests.Labs;

/// <summary>The plain-language explanations: complete in both languages and both directions, sourced, and chosen by language.</summary>
public class LabExplanationsTests
{
    [Fact]
    public void Every_entry_has_both_languages_both_directions_and_named_sources()
    {
        Assert.All(LabExplanations.Entries, entry =>
        {
            foreach (var words in new[] { entry.En, entry.Es })
            {
                Assert.False(string.IsNullOrWhiteSpace(words.Name), $"{entry.Loinc[0]} name");
                Assert.False(string.IsNullOrWhiteSpace(words.Measures), $"{entry.Loinc[0]} measures");
                Assert.False(string.IsNullOrWhiteSpace(words.High), $"{entry.Loinc[0]} high");
                Assert.False(string.IsNullOrWhiteSpace(words.Low), $"{entry.Loinc[0]} low");
            }

            Assert.NotEqual(entry.En.High, entry.Es.High);
            Assert.NotEmpty(entry.Sources);
            Assert.All(entry.Sources, source => Assert.True(LabExplanations.Sources.ContainsKey(source), $"{entry.Loinc[0]} names an unknown source {source}"));
        });
        Assert.All(LabExplanations.Languages, language => Assert.False(string.IsNullOrWhiteSpace(LabExplanations.Guidance[language])));
    }

    [Fact]
    public void At_least_sixty_common_codes_are_explained_each_once()
    {
        var codes = LabExplanations.Entries.SelectMany(e => e.Loinc).ToList();

        Assert.True(codes.Count >= 60, $"{codes.Count} codes");
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // CBC, CMP, lipids, HbA1c, TSH/free T4, urinalysis, vitamin D, B12, ferritin, PSA, INR/PT, liver enzymes, eGFR, CRP, urine albumin.
        Assert.All(new[] { "718-7", "777-3", "6690-2", "2345-7", "2160-0", "2823-3", "2093-3", "13457-7", "4548-4", "3016-3", "3024-7", "5802-4", "1989-3", "2132-9", "2276-4", "2857-1", "6301-6", "5902-2", "1742-6", "1920-8", "98979-8", "1988-5", "9318-7" },
            code => Assert.Contains(code, codes));
    }

    private static ResultObservation Observation(string loinc, decimal value, decimal? low, decimal? high, params ResultFlag[] flags) =>
        new(1, loinc, loinc, "x", "NM", value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, null, "mg/dL", null, low, high, [], flags, Portal.Core.Labs.LabResultStatus.Final, null, null, []);

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("es", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr", "en")]
    [InlineData(null, "en")]
    public void The_patients_language_is_used_with_english_as_the_fallback(string? preferred, string expected) =>
        Assert.Equal(expected, LabExplanations.Explain(Observation("13457-7", 162, null, 130), preferred)!.Language);

    [Fact]
    public void A_value_outside_its_range_gets_the_matching_sentence()
    {
        var high = LabExplanations.Explain(Observation("13457-7", 162, null, 130), "es")!;
        var low = LabExplanations.Explain(Observation("718-7", 9.1m, 12, 16, ResultFlag.Low), "en")!;
        var normal = LabExplanations.Explain(Observation("718-7", 13.5m, 12, 16), "en")!;

        Assert.Equal(high.High, high.YourValue);
        Assert.Equal(low.Low, low.YourValue);
        Assert.Null(normal.YourValue);
        Assert.Contains("equipo de atención", high.Guidance, StringComparison.Ordinal);
        Assert.Contains("care team", low.Guidance, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_has_no_explanation() =>
        Assert.Null(LabExplanations.Explain(Observation("99999-9", 1, null, null), "en"));
}
