using System.Globalization;
using System.Text;

namespace Portal.Core.Patients;

/// <summary>
/// The form names take in the patient index, so that staff find a patient however the name is typed:
/// "Nuñez" is found by "nunez", "NUÑ" and "Nun"; "O'Brien" by "obrien" and "o'b".
/// </summary>
public static class NameFolding
{
    // Latin letters that Unicode does not decompose into a base letter and an accent, spelled the way
    // a keyboard without them would type them.
    private static readonly Dictionary<Rune, string> Spelled = new()
    {
        [new Rune('ß')] = "SS",
        [new Rune('ẞ')] = "SS",
        [new Rune('Æ')] = "AE",
        [new Rune('Œ')] = "OE",
        [new Rune('Ø')] = "O",
        [new Rune('Ł')] = "L",
        [new Rune('Đ')] = "D",
        [new Rune('Ð')] = "D",
        [new Rune('Þ')] = "TH",
    };

    /// <summary>
    /// Folds a name: canonical decomposition (NFD) with the non-spacing marks (accents) dropped, recomposed
    /// (NFC, so that e.g. a Hangul syllable stays one letter), upper-cased invariantly, and only letters and
    /// digits kept — apostrophes, hyphens, spaces and dots do not count.
    /// </summary>
    /// <param name="name">A name as entered, or a prefix of one.</param>
    /// <returns>The folded text; empty when the name has no letter or digit.</returns>
    public static string Fold(string name)
    {
        var withoutMarks = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                withoutMarks.Append(rune.ToString());
            }
        }

        var folded = new StringBuilder(withoutMarks.Length);
        foreach (var rune in withoutMarks.ToString().Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var upper = Rune.ToUpperInvariant(rune);
            if (Spelled.TryGetValue(upper, out var spelled))
            {
                folded.Append(spelled);
            }
            else if (Rune.IsLetterOrDigit(upper))
            {
                folded.Append(upper.ToString());
            }
        }

        return folded.ToString();
    }
}
