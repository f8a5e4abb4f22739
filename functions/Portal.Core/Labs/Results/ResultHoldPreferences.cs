namespace Portal.Core.Labs.Results;

/// <summary>
/// The patient's own choice, set in advance, to hold some kinds of results until their clinician has reviewed them,
/// at most <see cref="MaxDays"/> days (a patient-requested delay; see docs/DECISIONS.md). Changeable at any time.
/// </summary>
/// <param name="Holds">One entry per held category.</param>
/// <param name="ChangedBy">Who last changed it (sign-in subject), or null for the defaults.</param>
/// <param name="ChangedAt">When.</param>
public sealed record ResultHoldPreferences(IReadOnlyList<CategoryHold> Holds, string? ChangedBy = null, DateTimeOffset? ChangedAt = null)
{
    /// <summary>The longest a patient's own hold lasts.</summary>
    public const int MaxDays = 7;

    /// <summary>No holds: every result is released at once.</summary>
    public static ResultHoldPreferences None { get; } = new([]);

    /// <summary>The days to hold results of <paramref name="category"/>, or 0.</summary>
    public int DaysFor(ResultCategory category) => Holds.FirstOrDefault(h => h.Category == category)?.Days ?? 0;
}

/// <summary>Hold results of one category for up to <paramref name="Days"/> days.</summary>
/// <param name="Category">Which results.</param>
/// <param name="Days">1 to 7.</param>
public sealed record CategoryHold(ResultCategory Category, int Days);
