namespace Portal.Core.Notifications;

/// <summary>
/// The language each phone number is texted in: remembered whenever a notice goes to it by SMS (the recipient's
/// preferred language), so the answers to what that number texts back are in the same language.
/// </summary>
public interface ISmsLanguages
{
    /// <summary><see cref="NoticeLanguage.Spanish"/> or <see cref="NoticeLanguage.English"/>; null for a number never texted. One point read.</summary>
    Task<string?> FindAsync(string phone, CancellationToken cancellationToken);

    /// <summary>Remembers the language of the latest text to the number. One upsert.</summary>
    Task RememberAsync(string phone, string language, CancellationToken cancellationToken);
}
