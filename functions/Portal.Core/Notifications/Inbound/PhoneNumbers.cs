namespace Portal.Core.Notifications.Inbound;

/// <summary>Phone numbers as the portal keeps them: E.164 (<c>+</c>, country code, at most 15 digits).</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// Normalises a number as Communication Services events carry it (the <c>+</c> may be missing; spaces, dots,
    /// dashes and brackets are dropped) to E.164, or null when it is not a full international number.
    /// </summary>
    public static string? ToE164(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(16).Append('+');
        var text = number.Trim();
        for (var i = text.StartsWith('+') ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        // Country codes never start with 0; E.164 allows at most 15 digits, and no real number has fewer than 8.
        return digits.Length is >= 9 and <= 16 && digits[1] != '0' ? digits.ToString() : null;
    }
}
