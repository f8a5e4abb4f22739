namespace Portal.Core.Notifications;

/// <summary>The two languages the portal writes to patients in: Spanish for <c>es</c> and <c>es-*</c>, English for everything else.</summary>
public static class NoticeLanguage
{
    /// <summary>The stored tag of Spanish.</summary>
    public const string Spanish = "es";

    /// <summary>The stored tag of English.</summary>
    public const string English = "en";

    /// <summary>True when <paramref name="tag"/> (BCP 47) asks for Spanish.</summary>
    public static bool IsSpanish(string? tag) =>
        tag is not null && (tag.Equals(Spanish, StringComparison.OrdinalIgnoreCase) || tag.StartsWith("es-", StringComparison.OrdinalIgnoreCase));

    /// <summary>The language the portal writes in for <paramref name="tag"/>: <see cref="Spanish"/> or <see cref="English"/>.</summary>
    public static string Of(string? tag) => IsSpanish(tag) ? Spanish : English;
}
