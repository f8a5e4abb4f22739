using System.Text.Json;
using Portal.Core.Labs.Results;

namespace Portal.Core.Labs.Explanations;

/// <summary>
/// Plain-language explanations of common lab tests by LOINC code, in English and Spanish, from the reviewed data file
/// <c>lab-explanations.json</c> (embedded; its sources are named per entry). The patient's preferred language is used
/// when the file has it, English otherwise; a value outside its range gets the matching high or low sentence.
/// </summary>
public static class LabExplanations
{
    private static readonly Lazy<ExplanationFile> File = new(Load);

    /// <summary>The languages every entry has.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "es"];

    /// <summary>Every entry of the data file.</summary>
    public static IReadOnlyList<ExplanationEntry> Entries => File.Value.Tests;

    /// <summary>The sources the file names, by key.</summary>
    public static IReadOnlyDictionary<string, string> Sources => File.Value.Sources;

    /// <summary>The "talk to your care team" guidance, by language.</summary>
    public static IReadOnlyDictionary<string, string> Guidance => File.Value.Guidance;

    /// <summary>The explanation for an observation in <paramref name="language"/> (BCP 47; English when not available), or null.</summary>
    public static Explanation? Explain(ResultObservation observation, string? language) =>
        observation.Loinc is { } loinc ? Explain(loinc, Direction(observation), language) : null;

    /// <summary>The explanation for a LOINC code, with the sentence for <paramref name="direction"/> when the value is out of range.</summary>
    public static Explanation? Explain(string loinc, ResultFlag? direction, string? language)
    {
        if (!File.Value.ByCode.TryGetValue(loinc, out var entry))
        {
            return null;
        }

        var lang = LanguageOf(language);
        var words = lang == "es" ? entry.Es : entry.En;
        var yours = direction switch
        {
            ResultFlag.High => words.High,
            ResultFlag.Low => words.Low,
            _ => null,
        };
        return new Explanation(lang, words.Name, words.Measures, words.High, words.Low, yours, File.Value.Guidance[lang],
            [.. entry.Sources.Select(s => File.Value.Sources.GetValueOrDefault(s, s))]);
    }

    /// <summary><c>es</c> for Spanish tags (<c>es</c>, <c>es-MX</c> …), <c>en</c> for anything else.</summary>
    public static string LanguageOf(string? language) =>
        language is not null && (language.Equals("es", StringComparison.OrdinalIgnoreCase) || language.StartsWith("es-", StringComparison.OrdinalIgnoreCase)) ? "es" : "en";

    /// <summary>High or low: the lab's flags first, else the value against its numeric range.</summary>
    public static ResultFlag? Direction(ResultObservation o)
    {
        if (o.Flags.Contains(ResultFlag.High))
        {
            return ResultFlag.High;
        }

        if (o.Flags.Contains(ResultFlag.Low))
        {
            return ResultFlag.Low;
        }

        if (o.Flags.Contains(ResultFlag.Abnormal))
        {
            return ResultFlag.High; // a positive qualitative result (nitrite, blood …) reads as the "high" sentence
        }

        return o.Number switch
        {
            { } n when o.RangeHigh is { } high && n > high => ResultFlag.High,
            { } n when o.RangeLow is { } low && n < low => ResultFlag.Low,
            _ => null,
        };
    }

    private static ExplanationFile Load()
    {
        using var stream = typeof(LabExplanations).Assembly.GetManifestResourceStream("Portal.Core.Labs.Explanations.lab-explanations.json")
            ?? throw new InvalidOperationException("The lab explanations data file is not embedded.");
        var file = JsonSerializer.Deserialize<ExplanationFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The lab explanations data file is empty.");
        file.ByCode = file.Tests.SelectMany(t => t.Loinc.Select(code => (code, t))).ToDictionary(p => p.code, p => p.t);
        return file;
    }

    private sealed class ExplanationFile
    {
        public Dictionary<string, string> Sources { get; set; } = [];

        public Dictionary<string, string> Guidance { get; set; } = [];

        public List<ExplanationEntry> Tests { get; set; } = [];

        public Dictionary<string, ExplanationEntry> ByCode { get; set; } = [];
    }
}

/// <summary>One entry of the data file.</summary>
public sealed class ExplanationEntry
{
    /// <summary>The LOINC codes it explains (the first is the usual one).</summary>
    public List<string> Loinc { get; set; } = [];

    /// <summary>Keys of the sources it was written from.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>English.</summary>
    public ExplanationWords En { get; set; } = new();

    /// <summary>Spanish.</summary>
    public ExplanationWords Es { get; set; } = new();
}

/// <summary>An entry's words in one language.</summary>
public sealed class ExplanationWords
{
    /// <summary>The test's name for patients.</summary>
    public string Name { get; set; } = "";

    /// <summary>What it measures.</summary>
    public string Measures { get; set; } = "";

    /// <summary>What a high value commonly means.</summary>
    public string High { get; set; } = "";

    /// <summary>What a low value commonly means.</summary>
    public string Low { get; set; } = "";
}

/// <summary>An explanation for a patient.</summary>
/// <param name="Language"><c>en</c> or <c>es</c>.</param>
/// <param name="Name">The test's name for patients.</param>
/// <param name="Measures">What it measures.</param>
/// <param name="High">What a high value commonly means.</param>
/// <param name="Low">What a low value commonly means.</param>
/// <param name="YourValue">The sentence matching this value when it is out of range, else null.</param>
/// <param name="Guidance">Talk to your care team.</param>
/// <param name="Sources">Where the words come from.</param>
public sealed record Explanation(string Language, string Name, string Measures, string High, string Low, string? YourValue, string Guidance, IReadOnlyList<string> Sources);
