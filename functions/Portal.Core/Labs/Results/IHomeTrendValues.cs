using Portal.Core.Access;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Port: values the patient measured at home that a results trend shows beside the clinic's (the health journal
/// provides them). The provider decides what the visit's caller may see of them under its own data category and
/// audits that read; a trend without a provider shows clinic values only.
/// </summary>
public interface IHomeTrendValues
{
    /// <summary>The home values for the LOINC code the caller may see, any order. Bounded: one range query at most.</summary>
    Task<IReadOnlyList<HomeTrendValue>> ForCodeAsync(ChartVisit visit, string loinc, CancellationToken cancellationToken);
}

/// <summary>One home value.</summary>
/// <param name="EntryId">The journal entry it comes from.</param>
/// <param name="At">When it was measured.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">Its UCUM unit.</param>
/// <param name="Name">What was measured, for a trend without clinic values.</param>
public sealed record HomeTrendValue(string EntryId, DateTimeOffset At, decimal Value, string Unit, string Name);
