namespace Portal.Core.Labs.Results;

/// <summary>
/// When a patient sees a result. Immediately, unless the patient chose in advance to hold its category (at most
/// 7 days) or a clinician holds this one result under the preventing-harm exception with a reason and an end date.
/// There is no clinic-wide delay: under the Cures Act that would likely be information blocking (docs/DECISIONS.md).
/// </summary>
public static class ReleaseRules
{
    /// <summary>The longest a clinician's individual hold may last.</summary>
    public static readonly TimeSpan MaxClinicianHold = TimeSpan.FromDays(30);

    /// <summary>The longest clinician comment.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>The longest hold reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>A new result: released now, or held by the patient's choice for its category.</summary>
    public static LabResult OnArrival(LabResult result, ResultHoldPreferences preferences, DateTimeOffset now)
    {
        var days = preferences.DaysFor(result.Category);
        if (days <= 0)
        {
            return result with { Release = ReleaseState.Released, ReleasedAt = now, Hold = null };
        }

        var until = now.AddDays(Math.Min(days, ResultHoldPreferences.MaxDays));
        var reason = $"The patient's choice: {result.Category.ToString().ToLowerInvariant()} results wait for the clinician's review, at most {days} day{(days == 1 ? "" : "s")}.";
        var by = preferences.ChangedBy ?? "patient";
        var hold = new ResultHold(ReleaseState.HeldByPatientChoice, until, reason, by, null, now);
        return result with
        {
            Release = ReleaseState.HeldByPatientChoice,
            ReleasedAt = null,
            Hold = hold,
            HoldHistory = [.. result.HoldHistory, new HoldEvent(now, "held", by, null, reason, until)],
        };
    }

    /// <summary>A clinician's individual hold (also on a released result: it is withdrawn until the end date).</summary>
    public static LabResult ClinicianHold(LabResult result, string reason, DateTimeOffset until, string by, string? byName, DateTimeOffset now) =>
        result with
        {
            Release = ReleaseState.HeldByClinician,
            ReleasedAt = null,
            Hold = new ResultHold(ReleaseState.HeldByClinician, until, reason, by, byName, now),
            HoldHistory = [.. result.HoldHistory, new HoldEvent(now, "held", by, byName, reason, until)],
        };

    /// <summary>Releases a held result now: by a clinician (with an optional comment) or by the timer when the hold ends.</summary>
    public static LabResult Release(LabResult result, string action, string by, string? byName, string? comment, DateTimeOffset now) =>
        result with
        {
            Release = ReleaseState.Released,
            ReleasedAt = result.ReleasedAt ?? now,
            Hold = null,
            HoldHistory = result.IsReleased ? result.HoldHistory : [.. result.HoldHistory, new HoldEvent(now, action, by, byName, comment, null)],
            Comment = comment is { Length: > 0 } ? new ClinicianComment(comment, by, byName, now) : result.Comment,
        };
}
