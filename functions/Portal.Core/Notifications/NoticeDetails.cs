namespace Portal.Core.Notifications;

/// <summary>
/// Everything a notice's text may say besides its kind. Deliberately tiny and typed: there is no string a feature
/// could put a test name, a value, a diagnosis, a drug or a message body into.
/// </summary>
/// <param name="When">The appointment's start (shown in the patient's time zone), for appointment notices only.</param>
public sealed record NoticeDetails(DateTimeOffset? When = null)
{
    /// <summary>No details: the kind says it all.</summary>
    public static readonly NoticeDetails None = new();
}
