using System.Text.RegularExpressions;

namespace Portal.Azure.Notifications;

/// <summary>A provider's refusal, short and without anything that looks like a phone number or an address.</summary>
internal static partial class ProviderReason
{
    private const int MaxLength = 200;

    public static string From(int status, string? message)
    {
        var text = string.IsNullOrWhiteSpace(message) ? $"HTTP {status}" : $"HTTP {status}: {message.Trim()}";
        text = Contact().Replace(text, "***");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    [GeneratedRegex(@"\+?\d[\d\s().-]{5,}\d|\S+@\S+")]
    private static partial Regex Contact();
}
