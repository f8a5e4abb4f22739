namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// Recognises the carrier keywords in any case, with spaces and punctuation around or inside them ("Stop.", " stop all "),
/// and their Spanish counterparts (ALTO, PARA, PARAR, DETENER; AYUDA), which carriers do not act on: for those the
/// portal's own opt-out list is what stops the texts. CANCELAR is not one of them: it may be meant for an appointment.
/// </summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> SpanishWords = new(StringComparer.Ordinal) { "ALTO", "PARA", "PARAR", "DETENER", "AYUDA" };

    private static readonly Dictionary<string, SmsKeyword> Words = new(StringComparer.Ordinal)
    {
        ["STOP"] = SmsKeyword.OptOut,
        ["STOPALL"] = SmsKeyword.OptOut,
        ["UNSUBSCRIBE"] = SmsKeyword.OptOut,
        ["CANCEL"] = SmsKeyword.OptOut,
        ["END"] = SmsKeyword.OptOut,
        ["QUIT"] = SmsKeyword.OptOut,
        ["START"] = SmsKeyword.OptIn,
        ["UNSTOP"] = SmsKeyword.OptIn,
        ["HELP"] = SmsKeyword.Help,
        ["INFO"] = SmsKeyword.Help,
        ["ALTO"] = SmsKeyword.OptOut,
        ["PARA"] = SmsKeyword.OptOut,
        ["PARAR"] = SmsKeyword.OptOut,
        ["DETENER"] = SmsKeyword.OptOut,
        ["AYUDA"] = SmsKeyword.Help,
    };

    /// <summary>The keyword the message is, or <see cref="SmsKeyword.None"/>.</summary>
    public static SmsKeyword Classify(string? message) =>
        Words.GetValueOrDefault(Normalize(message), SmsKeyword.None);

    /// <summary>True when the message is one of the Spanish keywords (answered in Spanish, whatever the number's language).</summary>
    public static bool IsSpanish(string? message) => SpanishWords.Contains(Normalize(message));

    /// <summary>The message trimmed and upper-cased, with whitespace and punctuation removed (letters and digits kept).</summary>
    public static string Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > 64)
        {
            return "";
        }

        return string.Concat(message.Where(char.IsLetterOrDigit)).ToUpperInvariant();
    }
}
