using System.Globalization;

namespace Portal.Core.Notifications;

/// <summary>The two languages texts are written in, and how a time reads in each.</summary>
public static class NoticeLanguage
{
    /// <summary>True for a Spanish BCP 47 tag (<c>es</c>, <c>es-MX</c> …); every other tag reads English.</summary>
    public static bool IsSpanish(string? language) =>
        language is not null && (language.Equals("es", StringComparison.OrdinalIgnoreCase) || language.StartsWith("es-", StringComparison.OrdinalIgnoreCase));

    /// <summary>A time as texts say it ("Monday, November 2 at 9:00 AM" / "lunes 2 de noviembre a las 9:00 a. m."), in <paramref name="timeZone"/>.</summary>
    public static string When(DateTimeOffset at, bool spanish, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTime(at, timeZone).ToString(
            spanish ? "dddd d 'de' MMMM 'a las' h:mm tt" : "dddd, MMMM d 'at' h:mm tt", CultureInfo.GetCultureInfo(spanish ? "es-US" : "en-US"));
}
