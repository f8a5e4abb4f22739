namespace Portal.Core.Notifications.Inbound;

/// <summary>Recognises the carrier keywords in any case, with spaces and punctuation around or inside them ("Stop.", " stop all ").</summary>
public static class SmsKeywords
{
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
    };

    /// <summary>The keyword the message is, or <see cref="SmsKeyword.None"/>.</summary>
    public static SmsKeyword Classify(string? message) =>
        Words.GetValueOrDefault(Normalize(message), SmsKeyword.None);

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
