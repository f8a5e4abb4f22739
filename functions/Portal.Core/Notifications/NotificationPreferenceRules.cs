using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>Checks a change of notification preferences; unknown kinds and channels are refused earlier, by the strict JSON reader.</summary>
public static class NotificationPreferenceRules
{
    /// <summary>The field errors of <paramref name="preferences"/> (none when valid).</summary>
    public static FieldErrors Validate(NotificationPreferences preferences)
    {
        var errors = new FieldErrors();
        var seen = new HashSet<NoticeKind>();
        for (var i = 0; i < preferences.Channels.Count; i++)
        {
            var choice = preferences.Channels[i];
            errors.Require(seen.Add(choice.Kind), $"channels[{i}].kind", "This kind is listed twice.");
            errors.Require(
                choice.Kind != NoticeKind.SecurityNotice || choice.Channel != NoticeChannel.None,
                $"channels[{i}].channel",
                "Security notices cannot be turned off: choose SMS or e-mail.");
        }

        errors.Require(
            preferences.QuietHoursStart != preferences.QuietHoursEnd,
            "quietHoursEnd",
            "Quiet hours must end at another time than they start.");
        return errors;
    }
}
